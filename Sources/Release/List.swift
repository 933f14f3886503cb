import Foundation

/// Which release states `list` shows (Helm's state mask); empty means deployed and failed.
public struct ListOptions: Sendable {
    public var namespace: String?
    public var states: Set<ReleaseStatus> = []
    public var all = false
    public var filter: String? = nil
    public var byDate = false
    public var reverse = false
    public var max = 256
    public var offset = 0

    public init(namespace: String?) {
        self.namespace = namespace
    }
}

extension ReleaseContext {
    /// The latest revision of each release that matches (Helm's `action.List`).
    public func list(_ options: ListOptions) throws -> [Release] {
        var regex: NSRegularExpression? = nil
        if let filter = options.filter, !filter.isEmpty {
            do {
                regex = try NSRegularExpression(pattern: filter)
            } catch {
                throw ReleaseError.invalidFilter(filter)
            }
        }
        var latest: [String: Release] = [:]
        for release in try store.allRevisions(namespace: options.namespace) {
            let key = release.namespace + "\u{0}" + release.name
            if let existing = latest[key], existing.version > release.version { continue }
            latest[key] = release
        }
        let states: Set<ReleaseStatus> = options.states.isEmpty ? [.deployed, .failed] : options.states
        var result = latest.values.filter { release in
            if let regex {
                let range = NSRange(release.name.startIndex..., in: release.name)
                if regex.firstMatch(in: release.name, range: range) == nil { return false }
            }
            return options.all || states.contains(release.info.status)
        }
        if options.byDate {
            result.sort { ($0.info.lastDeployed ?? GoTime(seconds: 0)) < ($1.info.lastDeployed ?? GoTime(seconds: 0)) }
        } else {
            result.sort { ($0.name, $0.namespace) < ($1.name, $1.namespace) }
        }
        if options.reverse { result.reverse() }
        if options.offset > 0 { result = Array(result.dropFirst(options.offset)) }
        if options.max > 0, result.count > options.max { result = Array(result.prefix(options.max)) }
        return result
    }
}
