import GoFormats

extension AnalysisServer {
  /// The actions KataGo's analysis engine accepts.
  static let actions = [
    "query_version", "query_models", "clear_cache", "terminate", "terminate_all",
  ]

  /// Answers `query_version`, `query_models`, `clear_cache`, `terminate` and `terminate_all`.
  func handleAction(_ action: JSONValue, id: String, fields: [String: JSONValue]) {
    guard let name = action.string, Self.actions.contains(name) else {
      emit(
        AnalysisMessage(
          field: "action",
          "'action' field must be 'query_version' or 'query_models' or 'clear_cache' or 'terminate' or 'terminate_all'"
        ).errorJSON(id: id))
      return
    }
    var echo = fields
    switch name {
    case "query_version":
      echo["version"] = .string(configuration.version)
      echo["git_hash"] = .string(configuration.gitHash)
      emit(.object(echo))
    case "query_models":
      echo["models"] = .array(configuration.models.map(\.json))
      emit(.object(echo))
    case "clear_cache":
      scheduler.clearCaches()
      emit(.object(echo))
    default:
      var target: String?
      if name == "terminate" {
        guard let t = fields["terminateId"]?.string else {
          emit(
            AnalysisMessage(field: "terminateId", "Must specify a string terminateId").errorJSON(
              id: id))
          return
        }
        target = t
      }
      var turns: Set<Int>?
      if let v = fields["turnNumbers"], v != .null {
        guard let list = v.array, list.allSatisfy({ $0.integer != nil }) else {
          emit(
            AnalysisMessage(field: "turnNumbers", "Must specify an array of integers").errorJSON(
              id: id))
          return
        }
        turns = Set(list.compactMap(\.integer))
      }
      emit(.object(echo))
      for job in scheduler.terminate(id: target, turns: turns) { emit(job.response.noResults) }
    }
  }
}
