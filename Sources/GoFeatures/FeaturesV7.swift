/// Namespace for the V7 input features.
public enum FeaturesV7 {}
