import Xapian
public enum VanBanInfo { public static let version = "0.1.0" }
