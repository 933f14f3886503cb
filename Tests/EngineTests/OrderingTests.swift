import Testing
@testable import Engine

@Suite struct OrderingTests {
    /// Helm's `sortManifestsByKind` rules: known kinds by install order, unknown kinds last and alphabetical,
    /// equal kinds keep their order.
    @Test func installOrderIsStable() {
        let kinds = ["Zebra", "Deployment", "Apple", "Namespace", "Deployment", "Service", "Apple"]
        let sorted = InstallOrder.stableSorted(Array(kinds.enumerated())) { $0.element }
        #expect(sorted.map(\.offset) == [3, 5, 1, 4, 2, 6, 0])
    }

    /// Helm parses templates deepest path first, then in reverse byte order.
    @Test func parseOrder() {
        let names = ["c/templates/a.yaml", "c/templates/_h.tpl", "c/charts/s/templates/x.yaml", "c/templates/b.yaml"]
        #expect(names.sorted(by: TemplateRenderer.parseOrder) == [
            "c/charts/s/templates/x.yaml", "c/templates/b.yaml", "c/templates/a.yaml", "c/templates/_h.tpl",
        ])
    }
}
