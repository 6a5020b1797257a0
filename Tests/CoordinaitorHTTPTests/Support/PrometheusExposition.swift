import Foundation

/// A strict reader of the Prometheus text exposition format (version 0.0.4), for tests: it refuses what Prometheus
/// would refuse (bad names, unescaped label values, a `# TYPE` after its samples, a metric family split in two,
/// duplicate series, histograms whose buckets are not cumulative or whose `+Inf` bucket is not the count) and keeps the
/// samples so tests can look series up by their labels.
struct PrometheusExposition {
    struct Sample: Hashable {
        var name: String
        var labels: [String: String]
        var value: Double
    }

    struct Family {
        var type: String = "untyped"
        var help: String?
        var samples: [Sample] = []
    }

    struct Problem: Error, CustomStringConvertible {
        var line: Int
        var reason: String
        var description: String { "line \(self.line): \(self.reason)" }
    }

    private(set) var families: [String: Family] = [:]

    init(parsing text: String) throws {
        var finished: Set<String> = []
        var current: String?
        var seen: Set<String> = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            if line.isEmpty { continue }
            if line.hasPrefix("#") {
                try self.readComment(line, number: number, finished: finished)
                continue
            }
            let sample = try Self.readSample(line, number: number)
            let family = self.familyName(of: sample.name)
            if current != family {
                if let current { finished.insert(current) }
                guard !finished.contains(family) else { throw Problem(line: number, reason: "metric family \(family) is split") }
                current = family
            }
            let identity = sample.name + "{" + sample.labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",") + "}"
            guard seen.insert(identity).inserted else { throw Problem(line: number, reason: "duplicate series \(identity)") }
            if self.families[family]?.type == "counter", sample.value < 0 || sample.value.isNaN {
                throw Problem(line: number, reason: "counter \(sample.name) is \(sample.value)")
            }
            self.families[family, default: Family()].samples.append(sample)
        }
        try self.checkHistograms()
    }

    /// The value of the series with exactly these labels.
    func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
        self.samples(name).first { $0.labels == labels }?.value
    }

    /// Every sample named `name` (for a histogram's parts: `x_bucket`, `x_sum`, `x_count`).
    func samples(_ name: String) -> [Sample] {
        (self.families[self.familyName(of: name)]?.samples ?? []).filter { $0.name == name }
    }

    /// The sum over the samples named `name` whose labels include `labels`.
    func sum(_ name: String, matching labels: [String: String]) -> Double {
        self.samples(name).filter { sample in labels.allSatisfy { sample.labels[$0.key] == $0.value } }.reduce(0) { $0 + $1.value }
    }

    /// The distinct values of `label` among the samples named `name`.
    func labelValues(_ label: String, of name: String) -> Set<String> {
        Set(self.samples(name).compactMap { $0.labels[label] })
    }

    private func familyName(of sample: String) -> String {
        for suffix in ["_bucket", "_sum", "_count"] where sample.hasSuffix(suffix) {
            let base = String(sample.dropLast(suffix.count))
            if self.families[base]?.type == "histogram" { return base }
        }
        return sample
    }

    private mutating func readComment(_ line: Substring, number: Int, finished: Set<String>) throws {
        let parts = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count >= 3, parts[0] == "#", parts[1] == "HELP" || parts[1] == "TYPE" else { return }
        let name = String(parts[2])
        guard Self.isMetricName(name) else { throw Problem(line: number, reason: "bad metric name \(name)") }
        let rest = parts.count > 3 ? String(parts[3]) : ""
        if parts[1] == "TYPE" {
            guard ["counter", "gauge", "histogram", "summary", "untyped"].contains(rest) else {
                throw Problem(line: number, reason: "unknown type \(rest)")
            }
            guard self.families[name]?.samples.isEmpty ?? true, !finished.contains(name) else {
                throw Problem(line: number, reason: "TYPE of \(name) after its samples")
            }
            guard self.families[name]?.type ?? "untyped" == "untyped" else { throw Problem(line: number, reason: "second TYPE of \(name)") }
            self.families[name, default: Family()].type = rest
        } else {
            guard self.families[name]?.help == nil else { throw Problem(line: number, reason: "second HELP of \(name)") }
            self.families[name, default: Family()].help = rest
        }
    }

    private static func readSample(_ line: Substring, number: Int) throws -> Sample {
        var rest = line[...]
        let name = String(rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == ":" })
        guard self.isMetricName(name) else { throw Problem(line: number, reason: "bad metric name in \(line)") }
        rest = rest.dropFirst(name.count)
        var labels: [String: String] = [:]
        if rest.first == "{" {
            rest = rest.dropFirst()
            while rest.first != "}" {
                let label = String(rest.prefix { $0 != "=" })
                guard self.isLabelName(label), labels[label] == nil else { throw Problem(line: number, reason: "bad or repeated label \(label)") }
                rest = rest.dropFirst(label.count)
                guard rest.hasPrefix("=\"") else { throw Problem(line: number, reason: "expected =\" after \(label)") }
                rest = rest.dropFirst(2)
                var value = ""
                while let character = rest.first, character != "\"" {
                    rest = rest.dropFirst()
                    guard character == "\\" else {
                        guard character != "\n" else { throw Problem(line: number, reason: "raw newline in a label value") }
                        value.append(character)
                        continue
                    }
                    switch rest.first {
                    case "\\": value.append("\\")
                    case "\"": value.append("\"")
                    case "n": value.append("\n")
                    default: throw Problem(line: number, reason: "bad escape in the value of \(label)")
                    }
                    rest = rest.dropFirst()
                }
                guard rest.first == "\"" else { throw Problem(line: number, reason: "unterminated value of \(label)") }
                rest = rest.dropFirst()
                labels[label] = value
                if rest.first == "," { rest = rest.dropFirst() } else if rest.first != "}" {
                    throw Problem(line: number, reason: "expected , or } after \(label)")
                }
            }
            rest = rest.dropFirst()
        }
        let fields = rest.split(separator: " ", omittingEmptySubsequences: true)
        guard rest.first == " ", (1...2).contains(fields.count), let value = Self.number(fields[0]) else {
            throw Problem(line: number, reason: "bad value in \(line)")
        }
        if fields.count == 2, Int64(fields[1]) == nil { throw Problem(line: number, reason: "bad timestamp in \(line)") }
        return Sample(name: name, labels: labels, value: value)
    }

    private static func number(_ text: Substring) -> Double? {
        switch text {
        case "+Inf", "Inf": .infinity
        case "-Inf": -.infinity
        case "NaN": .nan
        default: Double(text)
        }
    }

    private static func isMetricName(_ name: String) -> Bool {
        guard let first = name.first, first.isASCII, first.isLetter || first == "_" || first == ":" else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ":") }
    }

    private static func isLabelName(_ name: String) -> Bool {
        guard let first = name.first, first.isASCII, first.isLetter || first == "_" else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }

    /// Each histogram series: cumulative buckets ending in `+Inf`, which equals `_count`, and a `_sum`.
    private func checkHistograms() throws {
        for (name, family) in self.families where family.type == "histogram" {
            var series: [[String: String]: [(bound: Double, count: Double)]] = [:]
            for sample in family.samples where sample.name == name + "_bucket" {
                var labels = sample.labels
                guard let le = labels.removeValue(forKey: "le"), let bound = Self.number(le[...]) else {
                    throw Problem(line: 0, reason: "\(name) bucket without le")
                }
                series[labels, default: []].append((bound, sample.value))
            }
            for (labels, buckets) in series {
                let ordered = buckets.sorted { $0.bound < $1.bound }
                guard ordered.last?.bound == .infinity else { throw Problem(line: 0, reason: "\(name)\(labels) has no +Inf bucket") }
                for (lower, upper) in zip(ordered, ordered.dropFirst()) where upper.count < lower.count {
                    throw Problem(line: 0, reason: "\(name)\(labels) buckets are not cumulative")
                }
                let count = family.samples.first { $0.name == name + "_count" && $0.labels == labels }?.value
                guard count == ordered.last?.count else { throw Problem(line: 0, reason: "\(name)\(labels): +Inf bucket is not the count") }
                guard family.samples.contains(where: { $0.name == name + "_sum" && $0.labels == labels }) else {
                    throw Problem(line: 0, reason: "\(name)\(labels) has no _sum")
                }
            }
        }
    }
}
