import Testing

@testable import GoNeuralNet

@Suite("Workspace slots")
struct WorkspaceSlotsTests {
  /// A slot namespace with only the shared roles.
  enum Slots: WorkspaceSlots {}

  @Test("the per-depth workspace slots of every backend are the role's hundred plus the depth")
  func slots() {
    #expect([Slots.normed(0), Slots.mid(1), Slots.mid2(2), Slots.stream(3)] == [100, 201, 302, 403])
    #expect([Slots.qkv(4), Slots.attnOut(5), Slots.pooled(6)] == [504, 605, 706])
  }
}
