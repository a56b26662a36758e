import Mustache

// The search page's models name their fields to Mustache themselves: Mustache's look-up by reflection
// (`Mirror`) reflects every field of a model for each name, and the search page looks up some 150 names:
// it took 8 ms a page (BENCHMARKS.md). An optional field is given as nil or its value, never as an
// optional inside `Any` (which Mustache would take for a value).

extension Strings: MustacheParent {
    func child(named name: String) -> Any? { (lang == "en" ? Self.enTable : Self.viTable)[name] }

    /// Each language's words by their field's name, read once.
    private static let viTable = table(.vi)
    private static let enTable = table(.en)

    private static func table(_ strings: Strings) -> [String: String] {
        Dictionary(uniqueKeysWithValues: Mirror(reflecting: strings).children.compactMap { child in
            (child.value as? String).flatMap { value in child.label.map { ($0, value) } }
        })
    }
}

extension Layout: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "t": t
        case "title": title
        case "nav": nav
        case "body": body
        default: nil
        }
    }
}

extension Nav: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "home": home
        case "number": number
        case "mentions": mentions
        case "otherLang": otherLang
        default: nil
        }
    }
}

extension PageRoutes.SearchModel: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "t": t
        case "english": english
        case "q": q
        case "type": type
        case "issuer": issuer
        case "year": year
        case "from": from
        case "to": to
        case "maxLength": maxLength
        case "typeOptions": typeOptions
        case "sortOptions": sortOptions
        case "modeOptions": modeOptions
        case "hasQuery": hasQuery
        case "suggestion": suggestion.map { $0 as Any }
        case "hasFilters": hasFilters
        case "filters": filters
        case "leftOut": leftOut.map { $0 as Any }
        case "bestMatch": bestMatch
        case "summary": summary
        case "firstRank": firstRank
        case "results": results
        case "hasPager": hasPager
        case "pager": pager
        case "facets": facets
        default: nil
        }
    }
}

extension PageRoutes.Hit: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "url": url
        case "title": title
        case "number": number.map { $0 as Any }
        case "type": type.map { $0 as Any }
        case "issuer": issuer.map { $0 as Any }
        case "date": date.map { $0 as Any }
        case "snippet": snippet
        case "apartHeading": apartHeading
        default: nil
        }
    }
}

extension PageRoutes.Option: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "value": value
        case "label": label
        case "selected": selected
        default: nil
        }
    }
}

extension PageRoutes.Facet: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "value": value
        case "count": count
        case "url": url
        case "active": active
        default: nil
        }
    }
}

extension PageRoutes.FacetGroup: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "items": items
        default: nil
        }
    }
}

extension PageRoutes.Chip: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "url": url
        default: nil
        }
    }
}

extension PageRoutes.PageLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "url": url.map { $0 as Any }
        case "rel": rel
        case "current": current
        default: nil
        }
    }
}

extension PageRoutes.Suggestion: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "url": url
        default: nil
        }
    }
}
