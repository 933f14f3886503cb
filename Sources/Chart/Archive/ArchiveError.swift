/// Why a chart archive could not be read, written or extracted.
///
/// Descriptions use Helm's wording where Helm has a message for the same condition.
public enum ArchiveError: Error, Sendable, Equatable, CustomStringConvertible {
    case absolutePath(String)
    case parentReference(String)
    case outsideBase(String)
    case illegalName(String)
    case chartYamlNotInBase
    case link(String, target: String)
    case specialFile(String)
    case chartTooLarge(limit: Int64)
    case fileTooLarge(String, limit: Int64)
    case noFiles
    case notGzip(file: String, contentType: String)
    case yamlNotArchive(file: String)
    case corrupt(String)
    case duplicateEntry(String)
    case io(String)

    public var description: String {
        switch self {
        case .absolutePath: return "chart illegally contains absolute paths"
        case .parentReference: return "chart illegally references parent directory"
        case .outsideBase(let name): return "chart illegally contains content outside the base directory: \(goQuote(name))"
        case .illegalName: return "chart contains illegally named files"
        case .chartYamlNotInBase: return "chart yaml not in base directory"
        case .link(let name, let target):
            return "chart illegally contains a link: \(goQuote(name)) -> \(goQuote(target))"
        case .specialFile(let name): return "chart illegally contains a special file (device, fifo or socket): \(goQuote(name))"
        case .chartTooLarge(let limit): return "decompressed chart is larger than the maximum size \(limit)"
        case .fileTooLarge(let name, let limit):
            return "decompressed chart file \(goQuote(name)) is larger than the maximum file size \(limit)"
        case .noFiles: return "no files in chart archive"
        case .notGzip(let file, let contentType):
            return "file '\(file)' does not appear to be a gzipped archive; got '\(contentType)'"
        case .yamlNotArchive(let file): return "file '\(file)' seems to be a YAML file, but expected a gzipped archive"
        case .corrupt(let message): return "invalid chart archive: \(message)"
        case .duplicateEntry(let name): return "chart archive contains \(goQuote(name)) twice"
        case .io(let message): return message
        }
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
