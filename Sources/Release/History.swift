extension ReleaseContext {
    /// Revisions of a release, oldest first, limited to the `max` most recent (Helm's `history --max`).
    public func history(name: String, namespace: String, max: Int = 256) throws -> [Release] {
        let all = try store.revisions(name: name, namespace: namespace)
        guard !all.isEmpty else { throw ReleaseError.releaseNotFound(name: name, namespace: namespace) }
        return max > 0 && all.count > max ? Array(all.suffix(max)) : all
    }

    /// The revisions Helm's history pruning deletes so that at most `max` remain: the
    /// oldest first, never the deployed one. `max` 0 keeps everything.
    static func revisionsToPrune(_ history: [Release], max: Int) -> [Int] {
        guard max > 0, history.count > max else { return [] }
        let sorted = history.sorted { $0.version < $1.version }
        let deployed = sorted.last { $0.info.status == .deployed }?.version
        var deletions: [Int] = []
        for release in sorted {
            if sorted.count - deletions.count <= max { break }
            if release.version != deployed { deletions.append(release.version) }
        }
        return deletions
    }
}
