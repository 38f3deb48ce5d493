import GoFormats
import Testing

/// `loadsgf` tells SGF files from other files before it reports any position inside them.
@Suite struct SGFLooksLikeSGFTests {
  @Test func gameTreesAfterOptionalHeadersAreSGF() {
    for text in ["(;GM[1])", "  ( ;FF[4])", "header text\n(\n;SZ[9])", "(;"] {
      #expect(SGFParser.looksLikeSGF(Array(text.utf8)), "\(text)")
    }
  }

  @Test func otherFilesAreNot() {
    for text in ["", "root:x:0:0:root:/root:/bin/bash\n", "echo $(date)\n(;", "()", "(x;", "\u{7f}ELF\u{2}\u{1}"] {
      #expect(!SGFParser.looksLikeSGF(Array(text.utf8)), "\(text)")
    }
  }
}
