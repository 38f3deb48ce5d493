import GoSearch
import Testing

/// `auto` thinking's time factor from the root policy's normalised entropy.
@Suite struct AutoThinkingTests {
  @Test func budgetFactorGrowsWithEntropyBetweenItsBounds() {
    let a = AutoThinkingParameters()
    #expect(a.budgetFactor(entropy: 0) == 0.3)
    #expect(abs(a.budgetFactor(entropy: 0.5) - 1.1) < 1e-12)
    #expect(a.budgetFactor(entropy: 1) == 1.5)
    var narrow = a
    narrow.maxBudgetFactor = 0.5
    #expect(narrow.budgetFactor(entropy: 1) == 0.5)
  }
}
