/// A direct reader for `swiftchart template`'s usual command lines.
///
/// ArgumentParser builds its model of a command by reflection, and each
/// first protocol-conformance check it makes scans every conformance record of
/// this large binary: on a small chart that costs more than the render. This
/// reader knows `TemplateCommand`'s flags and accepts only spellings whose
/// meaning is certain (`--name value`, `--name=value`, `-x value`, flags,
/// positional words); for anything else (help, unknown or repeated
/// single-valued flags, values starting with `-`, `--`) it returns nil and
/// ArgumentParser reads the line, with its usual messages. Tests check that
/// both readers agree.
enum TemplateCommandLine {
    /// The request `words` (what follows `template`) asks for, or nil when ArgumentParser must read them.
    static func request(_ words: ArraySlice<String>) -> TemplateRequest? {
        let flags = flagTable()
        var request = TemplateRequest()
        /// Flags and single-valued options seen (under either spelling).
        var given: Set<AnyKeyPath> = []
        var index = words.startIndex
        while index < words.endIndex {
            let word = words[index]
            index += 1
            guard let first = word.utf8.first, word != "help" else { return nil }
            guard first == UInt8(ascii: "-") else {
                request.arguments.append(word)
                continue
            }
            var name = word
            var attached: String?
            if word.hasPrefix("--"), let equals = word.firstIndex(of: "=") {
                name = String(word[..<equals])
                attached = String(word[word.index(after: equals)...])
            }
            guard let flag = flags[name] else { return nil }
            // The option's value: attached after `=`, else the next word.
            func value() -> String? {
                let value: String
                if let attached {
                    value = attached
                } else {
                    guard index < words.endIndex else { return nil }
                    value = words[index]
                    index += 1
                }
                guard let head = value.utf8.first, head != UInt8(ascii: "-") else { return nil }
                return value
            }
            switch flag {
            case .on(let key):
                guard attached == nil, given.insert(key).inserted else { return nil }
                request[keyPath: key] = true
            case .text(let key):
                guard let value = value(), given.insert(key).inserted else { return nil }
                request[keyPath: key] = value
            case .optionalText(let key):
                guard let value = value(), given.insert(key).inserted else { return nil }
                request[keyPath: key] = value
            case .list(let key):
                guard let value = value() else { return nil }
                request[keyPath: key].append(value)
            }
        }
        return request
    }

    private enum Flag {
        case on(WritableKeyPath<TemplateRequest, Bool>)
        case text(WritableKeyPath<TemplateRequest, String>)
        case optionalText(WritableKeyPath<TemplateRequest, String?>)
        case list(WritableKeyPath<TemplateRequest, [String]>)
    }

    /// `TemplateCommand`'s flags under every spelling ArgumentParser gives them
    /// (built per call: a command line is read once).
    private static func flagTable() -> [String: Flag] {
        var table: [String: Flag] = [:]
        func add(_ names: [String], _ flag: Flag) { for name in names { table[name] = flag } }
        add(["-n", "--namespace"], .text(\.namespace))
        add(["--kube-version"], .optionalText(\.kubeVersion))
        add(["--name-template"], .optionalText(\.nameTemplate))
        add(["--post-renderer"], .optionalText(\.postRendererPath))
        add(["--output-dir"], .optionalText(\.outputDir))
        add(["-f", "--values"], .list(\.valueOverrides.valueFiles))
        add(["--set"], .list(\.valueOverrides.values))
        add(["--set-string"], .list(\.valueOverrides.stringValues))
        add(["--set-file"], .list(\.valueOverrides.fileValues))
        add(["--set-json"], .list(\.valueOverrides.jsonValues))
        add(["--set-literal"], .list(\.valueOverrides.literalValues))
        add(["-a", "--api-versions"], .list(\.apiVersions))
        add(["-s", "--show-only"], .list(\.showOnly))
        add(["--post-renderer-args"], .list(\.postRendererArguments))
        add(["--include-crds"], .on(\.includeCRDs))
        add(["--skip-crds"], .on(\.skipCRDs))
        add(["--skip-tests"], .on(\.skipTests))
        add(["--no-hooks"], .on(\.noHooks))
        add(["--skip-schema-validation"], .on(\.skipSchemaValidation))
        add(["--is-upgrade"], .on(\.isUpgrade))
        add(["--strict"], .on(\.strict))
        add(["--render-subchart-notes"], .on(\.subchartNotes))
        add(["-g", "--generate-name"], .on(\.generateName))
        return table
    }
}
