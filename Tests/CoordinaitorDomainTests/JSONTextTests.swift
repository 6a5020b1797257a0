import CoordinaitorDomain
import Foundation
import Testing

/// ``JSONText`` must write exactly what the API's `JSONEncoder` wrote, and read what Foundation's decoder reads.
@Suite("JSON text")
struct JSONTextTests {
    private static func foundationText(_ value: JSONValue) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static let samples: [JSONValue] = [
        .null, .bool(true), .bool(false), .number(1), .number(-0.0), .number(0.5), .number(1e20), .number(1e-7),
        .number(123_456_789_012_345_678), .number(3.14), .number(-42), .string(""), .string("plain"),
        .string("quote \" backslash \\ slash / tab \t newline \n return \r bell \u{7} nul \u{0} unit \u{1F} del \u{7F}"),
        .string("é ü 日本 🚀 \u{8}\u{C}"),
        .array([]), .object([:]),
        .array([.number(1), .string("two"), .null, .array([.bool(true)])]),
        .object(["b": .number(2), "a": .number(1), "B": .null, "é": .string("x"), "aa": .object(["z": .array([]), "y": .object([:])])]),
        .object(["source": .string("wrk"), "10": .number(10), "9": .number(9), "_": .bool(false)]),
    ]

    @Test(arguments: samples)
    func writesWhatTheEncoderWrites(_ value: JSONValue) throws {
        #expect(JSONText.canonical(value) == (try Self.foundationText(value)))
    }

    @Test(arguments: samples)
    func readsWhatItWrites(_ value: JSONValue) throws {
        #expect(try JSONText.parse(JSONText.canonical(value)) == value)
        try JSONText.validate(JSONText.canonical(value))
    }

    /// `JSONValue`'s own `Decodable` conformance tries each kind in turn; every kind must come back as itself.
    @Test(arguments: samples)
    func foundationDecodesEveryKindAsItself(_ value: JSONValue) throws {
        #expect(try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value)) == value)
    }

    @Test func readsWhatFoundationReads() throws {
        let texts = [
            #" { "a" : [ 1 , 2.5e3 , -0.25E-2 , true , false , null ] , "b" : "\u00e9\ud83d\ude80\/\"\\\b\f\n\r\t" } "#,
            "[]", "{}", "0", "-0", "\"\"", "[[[[]]]]",
        ]
        for text in texts {
            let expected = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
            #expect(try JSONText.parse(text) == expected, "\(text)")
        }
    }

    @Test func refusesWhatIsNotJSON() {
        let texts = [
            "", " ", "{", "[1,]", "{\"a\":}", "{\"a\" 1}", "01", "1.", ".5", "+1", "1e", "--1", "tru", "nul", "[1 2]",
            "\"unterminated", "\"\u{1}\"", #""\x""#, #""\u12""#, #""\ud800""#, #""\udc00""#, #""\ud800\u0041""#, "1e400", "{} {}",
            "NaN", "[1]]", "{'a':1}", String(repeating: "[", count: 600) + String(repeating: "]", count: 600),
        ]
        for text in texts {
            #expect(throws: JSONTextError.self, "\(text)") { try JSONText.parse(text) }
            #expect(throws: JSONTextError.self, "\(text)") { try JSONText.validate(text) }
        }
    }

    @Test func rawJSONKeepsStoredTextAndComparesByValue() throws {
        let stored = try RawJSON(storedText: #"{"b":1,"a":"x\/y"}"#)
        let canonical = RawJSON(.object(["a": .string("x/y"), "b": .number(1)]))
        #expect(stored.text == #"{"b":1,"a":"x\/y"}"#)
        #expect(canonical.text == #"{"a":"x/y","b":1}"#)
        #expect(stored == canonical)
        #expect(stored.hashValue == canonical.hashValue)
        #expect(stored.canonicalByteCount == canonical.text.utf8.count)
        #expect(try RawJSON(parsing: #"{"b": 1, "a": "x/y"}"#).text == canonical.text)
        #expect(throws: JSONTextError.self) { try RawJSON(storedText: "{") }
    }

    @Test func uuidTextMatchesFoundation() throws {
        for _ in 0..<200 {
            let uuid = UUID()
            let lower = uuid.uuidString.lowercased()
            #expect(UUIDText.lowercased(uuid) == lower)
            #expect(UUIDText.parse(lower) == uuid)
            #expect(UUIDText.parse(uuid.uuidString) == uuid)
            // Appended after what the buffer already holds, which stays as it was.
            var bytes = Array(#"{"id":""#.utf8)
            UUIDText.write(uuid, into: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == #"{"id":""# + lower)
        }
        let valid = "0190c2a4-7b1e-7cde-8f00-1234567890ab"
        for invalid in ["", valid.uppercased() + "0", String(valid.dropLast()), valid.replacingOccurrences(of: "-", with: "_"),
                        "0190c2a4-7b1e-7cde-8f00-1234567890ag", "{190c2a4-7b1e-7cde-8f00-1234567890a}", " 190c2a4-7b1e-7cde-8f00-1234567890ab",
                        "0190c2a47b1e-7cde-8f00-1234567890ab-",
                        // The bytes just outside each digit range.
                        "0190c2a4-7b1e-7cde-8f00-1234567890a/", "0190c2a4-7b1e-7cde-8f00-1234567890a:",
                        "0190c2a4-7b1e-7cde-8f00-1234567890a@", "0190c2a4-7b1e-7cde-8f00-1234567890aG",
                        "0190c2a4-7b1e-7cde-8f00-1234567890a`", "0190c2a4-7b1e-7cde-8f00-1234567890a\u{7F}"] {
            #expect(UUIDText.parse(invalid) == nil, "\(invalid)")
        }
    }

    @Test func bytesAreWrittenAsTwoLowerCaseHexDigitsEach() {
        #expect([0x00, 0x0f, 0x10, 0xab, 0xff].lowercaseHex == "000f10abff")
        #expect([UInt8]().lowercaseHex == "")
    }
}
