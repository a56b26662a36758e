import VietText
public enum DocRefs {}
