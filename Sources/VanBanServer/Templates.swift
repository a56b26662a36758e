import Mustache

/// The page's Mustache templates, kept in the binary so that `vanban serve` needs no file beside it.
/// `{{x}}` escapes what it prints; `{{{x}}}` is only ever given HTML built by ``HTML``.
enum Templates {
    static let all: [String: String] = [
        "layout": layout, "search": search, "document": document, "number": number, "mentions": mentions,
        "graph": graph, "error": error,
    ]

    /// The library of every template; they are parsed once, at start, each escaping its `{{x}}` with
    /// ``HTML/escape(_:)``: Mustache's own escape looks each Character up in a table, and hashing a
    /// Vietnamese Character (a letter and its marks) made escaping most of a page's time.
    static func library() throws -> MustacheLibrary {
        MustacheContentTypes.register(PageHTML(), named: PageHTML.name)
        var library = MustacheLibrary()
        for (name, text) in all { try library.register("{{% CONTENT_TYPE: \(PageHTML.name)}}" + text, named: name) }
        return library
    }

    /// The escaping of the page's templates.
    struct PageHTML: MustacheContentType {
        static let name = "VANBAN_HTML"
        func escapeText(_ text: String) -> String { HTML.escape(text) }
    }

    static let layout = """
        <!doctype html>
        <html lang="{{t.lang}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · VanBan</title>
        <style>
        *{box-sizing:border-box}
        body{margin:0;font:16px/1.5 system-ui,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif;color:#1b1b1b;background:#fafafa}
        header{background:#8b1c1c;color:#fff;padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:baseline}
        header a{color:#fff;text-decoration:none}
        header .brand{font-weight:700;font-size:1.2rem;margin-right:auto}
        header nav{display:flex;flex-wrap:wrap;gap:.25rem 1rem}
        main{max-width:62rem;margin:0 auto;padding:1rem}
        h1{font-size:1.35rem;line-height:1.3;margin:.25rem 0 .75rem}
        h2{font-size:1.1rem;margin:1.5rem 0 .5rem;border-bottom:1px solid #ddd;padding-bottom:.25rem}
        a{color:#0b4f9c}
        form.search{display:flex;flex-wrap:wrap;gap:.5rem;margin-bottom:.5rem}
        form.search input[type=search],form.search input[name=q]{flex:1 1 16rem;font-size:1.05rem;padding:.45rem .6rem;border:1px solid #999;border-radius:4px}
        button{font-size:1rem;padding:.45rem 1rem;border:0;border-radius:4px;background:#8b1c1c;color:#fff;cursor:pointer}
        .filters{display:grid;grid-template-columns:repeat(auto-fill,minmax(9.5rem,1fr));gap:.5rem 1rem;font-size:.9rem;margin:.25rem 0 1rem;width:100%}
        .filters label{display:flex;flex-direction:column;min-width:0}
        .filters input,.filters select{font-size:.95rem;padding:.25rem;border:1px solid #aaa;border-radius:3px;width:100%;background:#fff}
        .help{font-size:.85rem;color:#555}
        .cols{display:grid;grid-template-columns:1fr;gap:1rem}
        @media(min-width:52rem){.cols{grid-template-columns:minmax(0,1fr) 15rem}}
        ol.hits{list-style:none;padding:0;margin:0}
        .hit{background:#fff;border:1px solid #e3e3e3;border-radius:6px;padding:.6rem .8rem;margin-bottom:.6rem}
        .hit .title{font-weight:600;font-size:1.05rem}
        .meta{font-size:.88rem;color:#555;display:flex;flex-wrap:wrap;gap:0 .8rem}
        .snippet{margin:.3rem 0 0;font-size:.95rem;overflow-wrap:anywhere}
        mark{background:#ffe066;color:inherit;padding:0 1px}
        .facets h3{font-size:.95rem;margin:.75rem 0 .25rem}
        .facets ul{list-style:none;padding:0;margin:0;font-size:.9rem}
        .facets li{display:flex;justify-content:space-between;gap:.5rem}
        .facets .count{color:#666}
        .facets .active{font-weight:700}
        .chips a{display:inline-block;background:#eee;border-radius:1rem;padding:0 .6rem;margin:0 .3rem .3rem 0;font-size:.88rem;text-decoration:none}
        .suggest{font-size:1.05rem}
        .pager{display:flex;flex-wrap:wrap;gap:.4rem;margin:1rem 0}
        .pager a,.pager span{padding:.2rem .6rem;border:1px solid #ccc;border-radius:4px;text-decoration:none}
        .pager .current{background:#8b1c1c;color:#fff;border-color:#8b1c1c}
        dl.doc{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0}
        dl.doc dt{color:#555}
        dl.doc dd{margin:0;overflow-wrap:anywhere}
        .text{white-space:pre-wrap;background:#fff;border:1px solid #e3e3e3;border-radius:6px;padding:.8rem;font:inherit;overflow-wrap:anywhere}
        ol.list{padding-left:1.5rem}
        ol.list li{margin-bottom:.35rem}
        .note{color:#8b1c1c;font-size:.88rem}
        .tag{font-size:.85rem;color:#555}
        .downloads a{margin-right:.8rem}
        .graph{background:#fff;border:1px solid #e3e3e3;border-radius:6px;padding:.5rem;overflow:auto}
        .graph svg{max-width:100%;height:auto}
        .error{background:#fff3f3;border:1px solid #e0b4b4;border-radius:6px;padding:.8rem}
        footer{max-width:62rem;margin:0 auto;padding:1rem;font-size:.85rem;color:#666}
        @media(max-width:40rem){dl.doc{grid-template-columns:1fr}dl.doc dt{font-weight:600;margin-top:.3rem}}
        </style>
        </head>
        <body>
        <header><a class="brand" href="{{nav.home}}">VanBan</a>
        <nav><a href="{{nav.home}}">{{t.search}}</a><a href="{{nav.number}}">{{t.numberLookup}}</a><a href="{{nav.mentions}}">{{t.mentions}}</a><a id="lang" href="{{nav.otherLang}}" hreflang="{{t.otherLang}}" lang="{{t.otherLang}}">{{t.otherLangName}}</a></nav>
        </header>
        <main>
        {{{body}}}
        </main>
        <footer><a href="/openapi.json">{{t.api}}: /openapi.json</a></footer>
        </body>
        </html>
        """

    static let search = """
        <form class="search" method="get" action="/" role="search">
        {{#english}}<input type="hidden" name="lang" value="en">{{/english}}
        <input type="search" name="q" value="{{q}}" placeholder="{{t.searchPlaceholder}}" aria-label="{{t.search}}" maxlength="{{maxLength}}">
        <button type="submit">{{t.search}}</button>
        <div class="filters">
        <label>{{t.type}}<select name="type"><option value="">{{t.any}}</option>{{#typeOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/typeOptions}}</select></label>
        <label>{{t.issuer}}<input name="issuer" value="{{issuer}}"></label>
        <label>{{t.year}}<input name="year" value="{{year}}" inputmode="numeric" size="5" maxlength="4"></label>
        <label>{{t.from}}<input type="date" name="from" value="{{from}}"></label>
        <label>{{t.to}}<input type="date" name="to" value="{{to}}"></label>
        <label>{{t.sort}}<select name="sort">{{#sortOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/sortOptions}}</select></label>
        <label>{{t.marks}}<select name="mode">{{#modeOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/modeOptions}}</select></label>
        </div>
        </form>
        {{^hasQuery}}<p id="summary">{{summary}}</p><p class="help">{{t.syntaxHelp}}</p>{{/hasQuery}}
        {{#hasQuery}}
        {{#suggestion}}<p class="suggest">{{t.didYouMean}}: <a id="suggestion" href="{{url}}"><strong>{{text}}</strong></a>?</p>{{/suggestion}}
        {{#hasFilters}}<p class="chips">{{#filters}}<a href="{{url}}" title="{{t.removeFilter}}">{{label}} ✕</a>{{/filters}}</p>{{/hasFilters}}
        {{#leftOut}}<p class="help">{{t.readAsQuestion}}: {{leftOut}}</p>{{/leftOut}}
        {{#bestMatch}}<p class="help">{{t.bestMatch}}.</p>{{/bestMatch}}
        <p id="summary">{{summary}}</p>
        <div class="cols">
        <section>
        <ol class="hits" start="{{firstRank}}">
        {{#results}}
        {{#apartHeading}}<li><h3 class="help">{{t.wordsApart}}</h3></li>{{/apartHeading}}
        <li class="hit"><a class="title" href="{{url}}">{{title}}</a>
        <div class="meta">{{#.number}}<span>{{.}}</span>{{/.number}}{{#.type}}<span>{{.}}</span>{{/.type}}{{#.issuer}}<span>{{.}}</span>{{/.issuer}}{{#.date}}<span>{{.}}</span>{{/.date}}</div>
        <p class="snippet">…{{{snippet}}}…</p></li>
        {{/results}}
        </ol>
        {{#hasPager}}<nav class="pager" aria-label="{{t.page}}">{{#pager}}{{#.url}}<a href="{{.}}" rel="{{rel}}">{{label}}</a>{{/.url}}{{^.url}}<span{{#current}} class="current" aria-current="page"{{/current}}>{{label}}</span>{{/.url}}{{/pager}}</nav>{{/hasPager}}
        </section>
        <aside class="facets">
        {{#facets}}<h3>{{name}}</h3><ul>{{#items}}<li><a class="{{#active}}active{{/active}}" href="{{url}}">{{value}}</a><span class="count">{{count}}</span></li>{{/items}}</ul>{{/facets}}
        </aside>
        </div>
        {{/hasQuery}}
        """

    static let document = """
        <h1>{{title}}</h1>
        <dl class="doc">
        {{#meta}}<dt>{{label}}</dt><dd>{{value}}</dd>{{/meta}}
        </dl>
        <p class="downloads">{{t.download}}: {{#downloads}}<a href="{{url}}" download>{{label}}</a>{{/downloads}} · <a id="graph" href="{{graphURL}}">{{t.graph}}</a></p>
        <h2 id="cites">{{t.cites}} ({{count(cites)}})</h2>
        {{^cites}}<p>{{t.noCitations}}</p>{{/cites}}
        <ol class="list">{{#cites}}<li>{{#.url}}<a class="cited" href="{{.}}">{{line}}</a>{{/.url}}{{^.url}}{{line}}{{/.url}}{{#.relation}} <span class="tag">— {{.}}</span>{{/.relation}}{{#.times}} <span class="tag">({{.}})</span>{{/.times}}{{#.note}} <span class="note">[{{.}}]</span>{{/.note}}</li>{{/cites}}</ol>
        <h2 id="cited-by">{{t.citedBy}} ({{count(citedBy)}})</h2>
        {{^citedBy}}<p>{{t.noCitedBy}}</p>{{/citedBy}}
        <ol class="list">{{#citedBy}}<li><a class="citing" href="{{url}}">{{title}}</a> <span class="tag">{{detail}}</span></li>{{/citedBy}}</ol>
        <h2 id="mentions">{{t.mentionsElsewhere}} ({{count(mentions)}})</h2>
        {{^mentions}}<p>{{t.noMentions}}</p>{{/mentions}}
        {{#mentions}}<h3 class="help">{{#.url}}<a href="{{.}}">{{title}}</a>{{/.url}}{{^.url}}{{title}}{{/.url}}</h3><ul>{{#passages}}<li>{{{.}}}</li>{{/passages}}</ul>{{/mentions}}
        <h2 id="text">{{t.text}}</h2>
        <div class="text">{{{text}}}</div>
        """

    static let number = """
        <form class="search" method="get" action="/number">
        {{#english}}<input type="hidden" name="lang" value="en">{{/english}}
        <input name="q" value="{{q}}" placeholder="{{t.numberPlaceholder}}" aria-label="{{t.numberLookup}}" maxlength="{{maxLength}}">
        <button type="submit">{{t.numberLookup}}</button>
        </form>
        {{#found}}
        <h1>{{number}}</h1>
        <h2>{{t.documentsBearing}} ({{count(documents)}})</h2>
        {{^documents}}<p>{{t.noDocumentNumbered}}.</p>{{/documents}}
        <ol class="list">{{#documents}}<li><a class="bearing" href="{{url}}">{{title}}</a> <span class="tag">{{detail}}</span></li>{{/documents}}</ol>
        <h2>{{t.citedBy}} ({{count(citedBy)}})</h2>
        {{^citedBy}}<p>{{t.noCitedBy}}</p>{{/citedBy}}
        <ol class="list">{{#citedBy}}<li><a class="citing" href="{{url}}">{{title}}</a> <span class="tag">{{detail}}</span></li>{{/citedBy}}</ol>
        {{/found}}
        {{#notFound}}<p id="summary">{{t.noDocumentNumbered}}: {{q}}. <a href="{{mentionsURL}}">{{t.mentions}}</a></p>{{/notFound}}
        """

    static let mentions = """
        <form class="search" method="get" action="/mentions">
        {{#english}}<input type="hidden" name="lang" value="en">{{/english}}
        <input name="q" value="{{q}}" placeholder="{{t.referencePlaceholder}}" aria-label="{{t.mentions}}" maxlength="{{maxLength}}">
        <button type="submit">{{t.mentions}}</button>
        </form>
        {{#found}}
        <h1>{{label}}</h1>
        <p id="summary">{{summary}}.</p>
        {{#documents}}<div class="hit"><a class="title" href="{{url}}">{{title}}</a>
        <div class="meta">{{#.number}}<span>{{.}}</span>{{/.number}}{{#.type}}<span>{{.}}</span>{{/.type}}{{#.issuer}}<span>{{.}}</span>{{/.issuer}}{{#.date}}<span>{{.}}</span>{{/.date}}</div>
        <ul>{{#passages}}<li class="snippet">{{{.}}}</li>{{/passages}}</ul></div>{{/documents}}
        {{/found}}
        """

    static let graph = """
        <h1>{{t.graphOf}} <a href="{{documentURL}}">{{label}}</a></h1>
        <form method="get" action="{{formAction}}" class="filters">
        {{#english}}<input type="hidden" name="lang" value="en">{{/english}}
        <label>{{t.depth}}<select name="depth">{{#depths}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/depths}}</select></label>
        <button type="submit">{{t.apply}}</button>
        </form>
        <div class="graph">{{{svg}}}</div>
        <p class="downloads"><a href="{{svgURL}}">SVG</a><a href="{{jsonURL}}">JSON</a></p>
        """

    static let error = """
        <div class="error"><h1>{{t.error}} {{status}}</h1><p><strong>{{meaning}}</strong></p><p id="error-message">{{message}}</p></div>
        <p><a href="{{nav.home}}">{{t.backToSearch}}</a></p>
        """
}
