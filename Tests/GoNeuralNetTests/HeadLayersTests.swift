import Testing
import TestSupport

@testable import GoNeuralNet

@Suite("Head layers")
struct HeadLayersTests {
  @Test("heads are compiled layer by layer; only p2Conv and ownership skip the trunk")
  func headLayers() throws {
    let m = try tinyModel("tiny-v15-transformer.bin.gz")
    let heads = HeadLayers<String, String, String, ActivationKind>(
      m, pointwise: { c, trunk in "\(c.name) \(trunk)" }, dense: { l, b in "\(l.name) \(b != nil)" },
      normAct: { _ in "norm" }, activation: { $0 })
    let p = m.policyHead
    let v = m.valueHead
    #expect(heads.p1Conv == "\(p.p1Conv.name) true" && heads.g1Conv == "\(p.g1Conv.name) true")
    #expect(heads.v1Conv == "\(v.v1Conv.name) true")
    #expect(heads.p2Conv == "\(p.p2Conv.name) false" && heads.ownership == "\(v.ownershipConv.name) false")
    #expect(heads.gpoolToBias == "\(p.gpoolToBias.name) false")
    #expect(heads.toPass == "\(p.gpoolToPass.name) \(p.gpoolToPassBias != nil)")
    #expect(heads.v2 == "\(v.v2Mul.name) true" && heads.v3 == "\(v.v3Mul.name) true")
    #expect(heads.sv3 == "\(v.sv3Mul.name) true")
    #expect(heads.passActivation == p.passActivation ?? .identity && heads.v2Activation == v.v2Activation)
  }
}
