/// One entry of the subtree value bias table: the weighted sum of (searched value − network
/// value) over the nodes that share it, White's view.
struct SubtreeBiasEntry: Sendable {
  var deltaSum = 0.0
  var weightSum = 0.0
}
