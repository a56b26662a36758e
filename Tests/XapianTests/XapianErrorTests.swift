import Testing
@testable import Xapian

@Suite struct XapianErrorTests {
    @Test func kindsFollowXapiansHierarchy() {
        let notFound = XapianError(kind: "DatabaseNotFoundError", message: "m")
        #expect(notFound.isKind(of: "DatabaseNotFoundError"))
        #expect(notFound.isKind(of: "DatabaseOpeningError"))
        #expect(notFound.isKind(of: "DatabaseError"))
        #expect(notFound.isKind(of: "RuntimeError"))
        #expect(notFound.isKind(of: "Error"))
        #expect(!notFound.isKind(of: "DatabaseCorruptError"))
        #expect(!notFound.isKind(of: "LogicError"))
        #expect(XapianError(kind: "NetworkTimeoutError", message: "").isKind(of: "NetworkError"))
        #expect(!XapianError(kind: "std::exception", message: "").isKind(of: "Error"))
    }

    @Test func descriptionAndEquality() {
        let error = XapianError(kind: "DatabaseLockError", message: "Unable to get write lock")
        #expect(error.description == "DatabaseLockError: Unable to get write lock")
        #expect(error == XapianError(kind: "DatabaseLockError", message: "Unable to get write lock"))
        #expect(error != XapianError(kind: "DatabaseLockError", message: "other"))
    }

    @Test func linkedVersionIsXapian14() {
        #expect(xapianVersion.hasPrefix("1.4."))
    }
}
