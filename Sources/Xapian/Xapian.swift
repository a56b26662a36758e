import XapianBridge

/// The version of the Xapian library VanBan is linked against.
public let xapianVersion = String(cString: xb_version())
