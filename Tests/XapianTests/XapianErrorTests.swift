import Foundation
import Testing
import XapianBridge
@testable import Xapian

@Suite struct XapianErrorTests {
    @Test func kindsFollowXapiansHierarchy() {
        let notFound = XapianError.Kind.databaseNotFoundError
        #expect(notFound.isA(.databaseNotFoundError))
        #expect(notFound.isA(.databaseOpeningError))
        #expect(notFound.isA(.databaseError))
        #expect(notFound.isDatabaseError)
        #expect(notFound.isA(.runtimeError))
        #expect(notFound.isA(.error))
        #expect(!notFound.isA(.databaseCorruptError))
        #expect(!notFound.isA(.logicError))
        #expect(XapianError.Kind.networkTimeoutError.isA(.networkError))
        #expect(!XapianError.Kind.docNotFoundError.isDatabaseError)
        #expect(!XapianError.Kind.invalidArgumentError.isA(.runtimeError))
    }

    /// Every class of the installed `xapian/error.h` has a case whose parent is the class's base.
    @Test func kindsMirrorTheInstalledHeader() throws {
        let header = try String(contentsOfFile: "/usr/include/xapian/error.h", encoding: .utf8)
        let declaration = try NSRegularExpression(pattern: #"class XAPIAN_VISIBILITY_DEFAULT (\w+)(?: : public (\w+))? \{"#)
        let classes = declaration.matches(in: header, range: NSRange(header.startIndex..., in: header)).map { match in
            (name: String(header[Range(match.range(at: 1), in: header)!]),
             base: Range(match.range(at: 2), in: header).map { String(header[$0]) })
        }
        #expect(classes.count == XapianError.Kind.known.count)
        for (name, base) in classes {
            let kind = XapianError.Kind(name: name)
            #expect(XapianError.Kind.known.contains(kind), "no case for \(name)")
            #expect(kind.parent?.name == base, "\(name): parent \(String(describing: kind.parent)), header says \(String(describing: base))")
        }
    }

    @Test func namesRoundTrip() {
        for kind in XapianError.Kind.known {
            #expect(XapianError.Kind(name: kind.name) == kind)
            #expect("\(kind)" == kind.name)
        }
        let unknown = XapianError.Kind(name: "FancyNewError")
        #expect(unknown == .other("FancyNewError"))
        #expect(unknown.name == "FancyNewError")
        #expect(unknown.parent == nil)
        #expect(unknown.isA(.other("FancyNewError")))
        #expect(!unknown.isA(.error))
        #expect(!XapianError.Kind(name: "std::exception").isA(.error))
    }

    @Test(arguments: [
        ("DatabaseVersionError", XapianError.Kind.databaseVersionError),
        ("DatabaseModifiedError", .databaseModifiedError),
        ("SerialisationError", .serialisationError),
        ("std::exception", .other("std::exception")),
    ])
    func bridgeRecordsMapToKinds(name: String, kind: XapianError.Kind) {
        let error = name.withCString { kindName in
            "message".withCString { message in
                XapianError(xb_error(kind: UnsafeMutablePointer(mutating: kindName),
                                     message: UnsafeMutablePointer(mutating: message), message_length: 7))
            }
        }
        #expect(error == XapianError(kind: kind, message: "message"))
    }

    @Test func recordWithoutKindIsUnknown() {
        #expect(XapianError(xb_error(kind: nil, message: nil, message_length: 0)).kind == .other("UnknownError"))
    }

    @Test func descriptionAndEquality() {
        let error = XapianError(kind: .databaseLockError, message: "Unable to get write lock")
        #expect(error.description == "DatabaseLockError: Unable to get write lock")
        #expect(error == XapianError(kind: .databaseLockError, message: "Unable to get write lock"))
        #expect(error != XapianError(kind: .databaseLockError, message: "other"))
        #expect(error != XapianError(kind: .databaseError, message: "Unable to get write lock"))
    }

    @Test func linkedVersionIsXapian14() {
        #expect(xapianVersion.hasPrefix("1.4."))
    }
}
