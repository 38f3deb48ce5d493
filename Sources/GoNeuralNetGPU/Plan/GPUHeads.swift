import GoNeuralNet

/// The policy and value heads on the device. The 1×1 convs reading the trunk output hold
/// trunk-typed weights and write FP32; everything after them is FP32.
typealias GPUHeads = HeadLayers<GPUMatrix, GPUDense, GPUNormAct, ActivationKind>
