/// The OpenAPI 3 description of every route, served at `/openapi.json`; `OpenAPITests` keeps it in step with the router.
enum OpenAPI {
    static let document = #"""
{
  "openapi": "3.0.3",
  "info": {
    "title": "VanBan",
    "version": "1",
    "description": "Search Vietnamese official documents by number, keyword and citation: the JSON API of `vanban serve`. Every response has the shape of the matching CLI command's --json; errors are {\"error\": {\"status\", \"code\", \"message\"}}."
  },
  "servers": [
    {
      "url": "/"
    }
  ],
  "paths": {
    "/": {
      "get": {
        "summary": "The search page",
        "operationId": "searchPage",
        "parameters": [
          {
            "name": "lang",
            "in": "query",
            "required": false,
            "description": "Language of the page: en for English, anything else Vietnamese.",
            "schema": {
              "type": "string"
            },
            "allowEmptyValue": true
          },
          {
            "name": "q",
            "in": "query",
            "required": false,
            "description": "The query, in the CLI's query language.",
            "schema": {
              "type": "string",
              "maxLength": 500
            },
            "example": "nghi quyet cong doan",
            "allowEmptyValue": true
          },
          {
            "name": "type",
            "in": "query",
            "required": false,
            "description": "Only this type (name or abbreviation).",
            "schema": {
              "type": "string",
              "maxLength": 500
            },
            "allowEmptyValue": true
          },
          {
            "name": "issuer",
            "in": "query",
            "required": false,
            "description": "Only documents whose issuer contains these words.",
            "schema": {
              "type": "string",
              "maxLength": 500
            },
            "allowEmptyValue": true
          },
          {
            "name": "year",
            "in": "query",
            "required": false,
            "description": "Only documents of this year.",
            "schema": {
              "type": "string",
              "pattern": "^[0-9]{4}$"
            },
            "allowEmptyValue": true
          },
          {
            "name": "from",
            "in": "query",
            "required": false,
            "description": "Only documents dated on or after (YYYY-MM-DD, DD/MM/YYYY or YYYY).",
            "schema": {
              "type": "string",
              "maxLength": 10
            },
            "allowEmptyValue": true
          },
          {
            "name": "to",
            "in": "query",
            "required": false,
            "description": "Only documents dated on or before.",
            "schema": {
              "type": "string",
              "maxLength": 10
            },
            "allowEmptyValue": true
          },
          {
            "name": "sort",
            "in": "query",
            "required": false,
            "description": "relevance, date (oldest first) or -date (newest first).",
            "schema": {
              "type": "string",
              "enum": [
                "relevance",
                "date",
                "-date"
              ]
            },
            "allowEmptyValue": true
          },
          {
            "name": "mode",
            "in": "query",
            "required": false,
            "description": "How marks match: as typed, exactly, or ignored.",
            "schema": {
              "type": "string",
              "enum": [
                "auto",
                "exact",
                "fold"
              ]
            },
            "allowEmptyValue": true
          },
          {
            "name": "page",
            "in": "query",
            "required": false,
            "description": "Page of results.",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 1001
            },
            "allowEmptyValue": true
          }
        ],
        "responses": {
          "200": {
            "description": "The page",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "description": "Error page",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "413": {
            "description": "Error page",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "503": {
            "description": "Error page",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          }
        }
      }
    },
    "/doc/{id}": {
      "get": {
        "summary": "A document's page: metadata, text with the query highlighted, what it cites, what cites it, its mentions",
        "operationId": "documentPage",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "The document's id in the index (docid).",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 4294967295
            }
          },
          {
            "name": "lang",
            "in": "query",
            "required": false,
            "description": "Language of the page: en for English, anything else Vietnamese.",
            "schema": {
              "type": "string"
            },
            "allowEmptyValue": true
          },
          {
            "name": "q",
            "in": "query",
            "required": false,
            "description": "The query to highlight.",
            "schema": {
              "type": "string",
              "maxLength": 500
            },
            "allowEmptyValue": true
          }
        ],
        "responses": {
          "200": {
            "description": "The page",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "description": "Error page",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "404": {
            "description": "Error page",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "413": {
            "description": "Error page",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "503": {
            "description": "Error page",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          }
        }
      }
    },
    "/doc/{id}/graph": {
      "get": {
        "summary": "The citation graph around a document, drawn as SVG",
        "operationId": "graphPage",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "The document's id in the index (docid).",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 4294967295
            }
          },
          {
            "name": "lang",
            "in": "query",
            "required": false,
            "description": "Language of the page: en for English, anything else Vietnamese.",
            "schema": {
              "type": "string"
            },
            "allowEmptyValue": true
          },
          {
            "name": "depth",
            "in": "query",
            "required": false,
            "description": "Citation steps from the document, both directions (default 1).",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 3
            },
            "allowEmptyValue": true
          }
        ],
        "responses": {
          "200": {
            "description": "The page",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "description": "Error page",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "404": {
            "description": "Error page",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "413": {
            "description": "Error page",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "503": {
            "description": "Error page",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          }
        }
      }
    },
    "/number": {
      "get": {
        "summary": "Number look-up page",
        "operationId": "numberPage",
        "parameters": [
          {
            "name": "lang",
            "in": "query",
            "required": false,
            "description": "Language of the page: en for English, anything else Vietnamese.",
            "schema": {
              "type": "string"
            },
            "allowEmptyValue": true
          },
          {
            "name": "q",
            "in": "query",
            "required": false,
            "description": "A document number in any spelling.",
            "schema": {
              "type": "string",
              "maxLength": 500
            },
            "example": "380/NQ-CP",
            "allowEmptyValue": true
          }
        ],
        "responses": {
          "200": {
            "description": "The page",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "description": "Error page",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "404": {
            "description": "Error page",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "413": {
            "description": "Error page",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "503": {
            "description": "Error page",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          }
        }
      }
    },
    "/mentions": {
      "get": {
        "summary": "Mentions page",
        "operationId": "mentionsPage",
        "parameters": [
          {
            "name": "lang",
            "in": "query",
            "required": false,
            "description": "Language of the page: en for English, anything else Vietnamese.",
            "schema": {
              "type": "string"
            },
            "allowEmptyValue": true
          },
          {
            "name": "q",
            "in": "query",
            "required": false,
            "description": "A reference: a number, a short form or a name.",
            "schema": {
              "type": "string",
              "maxLength": 500
            },
            "allowEmptyValue": true
          },
          {
            "name": "sort",
            "in": "query",
            "required": false,
            "description": "-date (newest first, the default), date (oldest first) or relevance, as in search.",
            "schema": {
              "type": "string",
              "enum": [
                "-date",
                "date",
                "relevance"
              ]
            },
            "allowEmptyValue": true
          }
        ],
        "responses": {
          "200": {
            "description": "The page",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "description": "Error page",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "413": {
            "description": "Error page",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "503": {
            "description": "Error page",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          }
        }
      }
    },
    "/openapi.json": {
      "get": {
        "summary": "This document",
        "operationId": "openapi",
        "parameters": [],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          }
        }
      }
    },
    "/api/search": {
      "get": {
        "summary": "Search (vanban search --json)",
        "operationId": "search",
        "parameters": [
          {
            "name": "q",
            "in": "query",
            "required": true,
            "description": "The query, in the CLI's query language.",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 500
            },
            "example": "nghi quyet cong doan"
          },
          {
            "name": "type",
            "in": "query",
            "required": false,
            "description": "Only this type (name or abbreviation).",
            "schema": {
              "type": "string",
              "maxLength": 500
            },
            "allowEmptyValue": true
          },
          {
            "name": "issuer",
            "in": "query",
            "required": false,
            "description": "Only documents whose issuer contains these words.",
            "schema": {
              "type": "string",
              "maxLength": 500
            },
            "allowEmptyValue": true
          },
          {
            "name": "year",
            "in": "query",
            "required": false,
            "description": "Only documents of this year.",
            "schema": {
              "type": "string",
              "pattern": "^[0-9]{4}$"
            },
            "allowEmptyValue": true
          },
          {
            "name": "from",
            "in": "query",
            "required": false,
            "description": "Only documents dated on or after (YYYY-MM-DD, DD/MM/YYYY or YYYY).",
            "schema": {
              "type": "string",
              "maxLength": 10
            },
            "allowEmptyValue": true
          },
          {
            "name": "to",
            "in": "query",
            "required": false,
            "description": "Only documents dated on or before.",
            "schema": {
              "type": "string",
              "maxLength": 10
            },
            "allowEmptyValue": true
          },
          {
            "name": "sort",
            "in": "query",
            "required": false,
            "description": "relevance, date (oldest first) or -date (newest first).",
            "schema": {
              "type": "string",
              "enum": [
                "relevance",
                "date",
                "-date"
              ]
            },
            "allowEmptyValue": true
          },
          {
            "name": "mode",
            "in": "query",
            "required": false,
            "description": "How marks match: as typed, exactly, or ignored.",
            "schema": {
              "type": "string",
              "enum": [
                "auto",
                "exact",
                "fold"
              ]
            },
            "allowEmptyValue": true
          },
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "description": "Results on the page (default 10).",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 100
            },
            "allowEmptyValue": true
          },
          {
            "name": "offset",
            "in": "query",
            "required": false,
            "description": "Results to skip.",
            "schema": {
              "type": "integer",
              "minimum": 0,
              "maximum": 10000
            },
            "allowEmptyValue": true
          },
          {
            "name": "facets",
            "in": "query",
            "required": false,
            "description": "Count the matches by type, issuer and year.",
            "schema": {
              "type": "boolean"
            },
            "allowEmptyValue": true
          },
          {
            "name": "suggest",
            "in": "query",
            "required": false,
            "description": "Offer a spelling (default true).",
            "schema": {
              "type": "boolean"
            },
            "allowEmptyValue": true
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SearchResponse"
                }
              }
            }
          },
          "400": {
            "description": "Bad parameter",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "413": {
            "description": "Query too long or graph too large",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "503": {
            "description": "Index unavailable or request took too long",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/api/document/{id}": {
      "get": {
        "summary": "A document (vanban show --json)",
        "operationId": "document",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "The document's id in the index (docid).",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 4294967295
            }
          },
          {
            "name": "text",
            "in": "query",
            "required": false,
            "description": "Include the text (default true).",
            "schema": {
              "type": "boolean"
            },
            "allowEmptyValue": true
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ShownDocument"
                }
              }
            }
          },
          "400": {
            "description": "Bad parameter",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "404": {
            "description": "Not found",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "503": {
            "description": "Index unavailable or request took too long",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/api/document/{id}/cites": {
      "get": {
        "summary": "What a document cites (vanban cite --json), or the list to download",
        "operationId": "cites",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "The document's id in the index (docid).",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 4294967295
            }
          },
          {
            "name": "format",
            "in": "query",
            "required": false,
            "description": "json (default), md, csv or docx.",
            "schema": {
              "type": "string",
              "enum": [
                "json",
                "md",
                "csv",
                "docx"
              ]
            },
            "allowEmptyValue": true
          },
          {
            "name": "sort",
            "in": "query",
            "required": false,
            "description": "Order of the list.",
            "schema": {
              "type": "string",
              "enum": [
                "first",
                "date",
                "type"
              ]
            },
            "allowEmptyValue": true
          }
        ],
        "responses": {
          "200": {
            "description": "The citation list",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CitationList"
                }
              },
              "text/markdown": {
                "schema": {
                  "type": "string"
                }
              },
              "text/csv": {
                "schema": {
                  "type": "string"
                }
              },
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {
                "schema": {
                  "type": "string",
                  "format": "binary"
                }
              }
            }
          },
          "400": {
            "description": "Bad parameter",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "404": {
            "description": "Not found",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "503": {
            "description": "Index unavailable or request took too long",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/api/document/{id}/cited-by": {
      "get": {
        "summary": "The documents citing a document (vanban cited-by --json)",
        "operationId": "documentCitedBy",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "The document's id in the index (docid).",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 4294967295
            }
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/DocumentSummary"
                  }
                }
              }
            }
          },
          "404": {
            "description": "Not found",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "503": {
            "description": "Index unavailable or request took too long",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/api/document/{id}/graph": {
      "get": {
        "summary": "The citation graph around a document (vanban graph --format json), or drawn as SVG",
        "operationId": "documentGraph",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "The document's id in the index (docid).",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 4294967295
            }
          },
          {
            "name": "depth",
            "in": "query",
            "required": false,
            "description": "Citation steps from the document, both directions (default 1).",
            "schema": {
              "type": "integer",
              "minimum": 0,
              "maximum": 3
            },
            "allowEmptyValue": true
          },
          {
            "name": "format",
            "in": "query",
            "required": false,
            "description": "json (default) or svg.",
            "schema": {
              "type": "string",
              "enum": [
                "json",
                "svg"
              ]
            },
            "allowEmptyValue": true
          }
        ],
        "responses": {
          "200": {
            "description": "The graph",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CitationGraph"
                }
              },
              "image/svg+xml": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "description": "Bad parameter",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "404": {
            "description": "Not found",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "413": {
            "description": "Query too long or graph too large",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "503": {
            "description": "Index unavailable or request took too long",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/api/number": {
      "get": {
        "summary": "Look a number up (vanban number --json)",
        "operationId": "number",
        "parameters": [
          {
            "name": "q",
            "in": "query",
            "required": true,
            "description": "A document number in any spelling.",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 500
            },
            "example": "380/NQ-CP"
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/NumberLookup"
                }
              }
            }
          },
          "400": {
            "description": "Bad parameter",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "404": {
            "description": "Not found",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "413": {
            "description": "Query too long or graph too large",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "503": {
            "description": "Index unavailable or request took too long",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/api/mentions": {
      "get": {
        "summary": "Every mention of a reference (vanban mentions --json)",
        "operationId": "mentions",
        "parameters": [
          {
            "name": "ref",
            "in": "query",
            "required": true,
            "description": "A number, a short form or a name.",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 500
            },
            "example": "Nghị quyết 02-NQ/TW"
          },
          {
            "name": "context",
            "in": "query",
            "required": false,
            "description": "Words of context on each side.",
            "schema": {
              "type": "integer",
              "minimum": 0,
              "maximum": 100
            },
            "allowEmptyValue": true
          },
          {
            "name": "sort",
            "in": "query",
            "required": false,
            "description": "-date (newest first, the default), date (oldest first) or relevance, as in search.",
            "schema": {
              "type": "string",
              "enum": [
                "-date",
                "date",
                "relevance"
              ]
            },
            "allowEmptyValue": true
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/MentionsResponse"
                }
              }
            }
          },
          "400": {
            "description": "Bad parameter",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "413": {
            "description": "Query too long or graph too large",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "503": {
            "description": "Index unavailable or request took too long",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/api/cited-by": {
      "get": {
        "summary": "The documents citing a reference (vanban cited-by --json)",
        "operationId": "citedBy",
        "parameters": [
          {
            "name": "ref",
            "in": "query",
            "required": true,
            "description": "A number, a short form or a name.",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 500
            },
            "example": "Nghị quyết 02-NQ/TW"
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/DocumentSummary"
                  }
                }
              }
            }
          },
          "400": {
            "description": "Bad parameter",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "413": {
            "description": "Query too long or graph too large",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "503": {
            "description": "Index unavailable or request took too long",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/api/graph": {
      "get": {
        "summary": "The citation graph around a reference (vanban graph --root REF --format json)",
        "operationId": "graph",
        "parameters": [
          {
            "name": "root",
            "in": "query",
            "required": true,
            "description": "A number, a short form or a name.",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 500
            },
            "example": "380/NQ-CP"
          },
          {
            "name": "depth",
            "in": "query",
            "required": false,
            "description": "Citation steps from the document, both directions (default 1).",
            "schema": {
              "type": "integer",
              "minimum": 0,
              "maximum": 3
            },
            "allowEmptyValue": true
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CitationGraph"
                }
              }
            }
          },
          "400": {
            "description": "Bad parameter",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "404": {
            "description": "Not found",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "413": {
            "description": "Query too long or graph too large",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "503": {
            "description": "Index unavailable or request took too long",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    }
  },
  "components": {
    "schemas": {
      "Error": {
        "type": "object",
        "required": [
          "error"
        ],
        "properties": {
          "error": {
            "type": "object",
            "required": [
              "status",
              "code",
              "message"
            ],
            "properties": {
              "status": {
                "type": "integer"
              },
              "code": {
                "type": "string"
              },
              "message": {
                "type": "string"
              }
            }
          }
        }
      },
      "SearchResponse": {
        "type": "object",
        "required": [
          "query",
          "estimated_total",
          "total_is_exact",
          "words_apart_total",
          "left_out",
          "reading",
          "results",
          "suggestion",
          "facets"
        ],
        "properties": {
          "query": {
            "type": "string"
          },
          "estimated_total": {
            "type": "integer"
          },
          "total_is_exact": {
            "type": "boolean"
          },
          "words_apart_total": {
            "type": "integer"
          },
          "left_out": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "reading": {
            "type": "string",
            "enum": [
              "all_words",
              "best_match"
            ]
          },
          "results": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/SearchHit"
            }
          },
          "suggestion": {
            "type": "string",
            "nullable": true
          },
          "facets": {
            "$ref": "#/components/schemas/Facets"
          }
        }
      },
      "SearchHit": {
        "type": "object",
        "required": [
          "rank",
          "docid",
          "path",
          "number",
          "type",
          "issuer",
          "date",
          "title",
          "title_derived",
          "score",
          "relevance",
          "snippet",
          "highlights",
          "words_apart"
        ],
        "properties": {
          "rank": {
            "type": "integer"
          },
          "docid": {
            "type": "integer"
          },
          "path": {
            "type": "string"
          },
          "number": {
            "type": "string",
            "nullable": true
          },
          "type": {
            "type": "string",
            "nullable": true
          },
          "issuer": {
            "type": "string",
            "nullable": true
          },
          "date": {
            "type": "string",
            "nullable": true
          },
          "title": {
            "type": "string",
            "nullable": true
          },
          "title_derived": {
            "type": "boolean"
          },
          "score": {
            "type": "number"
          },
          "relevance": {
            "type": "integer"
          },
          "snippet": {
            "type": "string"
          },
          "highlights": {
            "type": "array",
            "items": {
              "type": "array",
              "items": {
                "type": "integer"
              },
              "minItems": 2,
              "maxItems": 2
            }
          },
          "words_apart": {
            "type": "boolean"
          }
        }
      },
      "FacetCount": {
        "type": "object",
        "required": [
          "value",
          "count"
        ],
        "properties": {
          "value": {
            "type": "string"
          },
          "count": {
            "type": "integer"
          }
        }
      },
      "Facets": {
        "type": "object",
        "nullable": true,
        "required": [
          "type",
          "issuer",
          "year"
        ],
        "properties": {
          "type": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/FacetCount"
            }
          },
          "issuer": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/FacetCount"
            }
          },
          "year": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/FacetCount"
            }
          }
        }
      },
      "ShownDocument": {
        "type": "object",
        "required": [
          "docid",
          "document"
        ],
        "properties": {
          "docid": {
            "type": "integer"
          },
          "document": {
            "$ref": "#/components/schemas/StoredDocument"
          },
          "text": {
            "type": "string"
          }
        }
      },
      "StoredDocument": {
        "type": "object",
        "required": [
          "path",
          "format",
          "encoding",
          "title_derived",
          "citations"
        ],
        "properties": {
          "path": {
            "type": "string"
          },
          "format": {
            "type": "string"
          },
          "encoding": {
            "type": "string"
          },
          "number": {
            "type": "string"
          },
          "number_key": {
            "type": "string"
          },
          "type": {
            "type": "string"
          },
          "issuer": {
            "type": "string"
          },
          "issuer_as_written": {
            "type": "string"
          },
          "date": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "title_derived": {
            "type": "boolean"
          },
          "signer": {
            "type": "string"
          },
          "citations": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Citation"
            }
          }
        }
      },
      "Citation": {
        "type": "object",
        "description": "A citation as stored at indexing time (text, number, key, type, issuer, date, relation, kind, resolved, start, end).",
        "required": [
          "text",
          "key",
          "start",
          "end"
        ],
        "properties": {
          "text": {
            "type": "string"
          },
          "key": {
            "type": "string"
          },
          "start": {
            "type": "integer"
          },
          "end": {
            "type": "integer"
          }
        }
      },
      "DocumentSummary": {
        "type": "object",
        "required": [
          "docid",
          "path",
          "number",
          "type",
          "issuer",
          "date",
          "title",
          "title_derived"
        ],
        "properties": {
          "docid": {
            "type": "integer"
          },
          "path": {
            "type": "string"
          },
          "number": {
            "type": "string",
            "nullable": true
          },
          "type": {
            "type": "string",
            "nullable": true
          },
          "issuer": {
            "type": "string",
            "nullable": true
          },
          "date": {
            "type": "string",
            "nullable": true
          },
          "title": {
            "type": "string",
            "nullable": true
          },
          "title_derived": {
            "type": "boolean"
          },
          "relation": {
            "type": "string",
            "nullable": true
          },
          "relation_label": {
            "type": "string"
          },
          "mentions": {
            "type": "integer"
          }
        }
      },
      "CitedEntry": {
        "type": "object",
        "required": [
          "key",
          "number",
          "written",
          "type",
          "issuer",
          "date",
          "title",
          "title_derived",
          "relation",
          "relation_label",
          "mentions",
          "resolution",
          "reason",
          "path",
          "paths",
          "in_index",
          "first_mention"
        ],
        "properties": {
          "key": {
            "type": "string"
          },
          "number": {
            "type": "string",
            "nullable": true
          },
          "written": {
            "type": "string"
          },
          "type": {
            "type": "string",
            "nullable": true
          },
          "issuer": {
            "type": "string",
            "nullable": true
          },
          "date": {
            "type": "string",
            "nullable": true
          },
          "title": {
            "type": "string",
            "nullable": true
          },
          "title_derived": {
            "type": "boolean"
          },
          "relation": {
            "type": "string",
            "nullable": true
          },
          "relation_label": {
            "type": "string",
            "nullable": true
          },
          "mentions": {
            "type": "integer"
          },
          "resolution": {
            "type": "string",
            "enum": [
              "exact",
              "inferred",
              "unresolved"
            ]
          },
          "reason": {
            "type": "string",
            "nullable": true
          },
          "path": {
            "type": "string",
            "nullable": true
          },
          "paths": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "in_index": {
            "type": "boolean"
          },
          "first_mention": {
            "type": "integer"
          }
        }
      },
      "CitationList": {
        "type": "object",
        "required": [
          "source",
          "entries"
        ],
        "properties": {
          "source": {
            "type": "string"
          },
          "number": {
            "type": "string"
          },
          "entries": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/CitedEntry"
            }
          }
        }
      },
      "NumberLookup": {
        "type": "object",
        "required": [
          "query",
          "key",
          "number",
          "documents",
          "cited_by"
        ],
        "properties": {
          "query": {
            "type": "string"
          },
          "key": {
            "type": "string"
          },
          "number": {
            "type": "string"
          },
          "documents": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/DocumentSummary"
            }
          },
          "cited_by": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/DocumentSummary"
            }
          }
        }
      },
      "Mention": {
        "type": "object",
        "required": [
          "text",
          "start",
          "end",
          "passage",
          "passage_highlight",
          "relation",
          "relation_label",
          "resolved"
        ],
        "properties": {
          "text": {
            "type": "string"
          },
          "start": {
            "type": "integer"
          },
          "end": {
            "type": "integer"
          },
          "passage": {
            "type": "string"
          },
          "passage_highlight": {
            "type": "array",
            "items": {
              "type": "integer"
            },
            "minItems": 2,
            "maxItems": 2
          },
          "relation": {
            "type": "string",
            "nullable": true
          },
          "relation_label": {
            "type": "string",
            "nullable": true
          },
          "resolved": {
            "type": "boolean"
          }
        }
      },
      "MentionDocument": {
        "type": "object",
        "required": [
          "path",
          "number",
          "type",
          "issuer",
          "date",
          "title",
          "title_derived",
          "mentions"
        ],
        "properties": {
          "path": {
            "type": "string"
          },
          "number": {
            "type": "string",
            "nullable": true
          },
          "type": {
            "type": "string",
            "nullable": true
          },
          "issuer": {
            "type": "string",
            "nullable": true
          },
          "date": {
            "type": "string",
            "nullable": true
          },
          "title": {
            "type": "string",
            "nullable": true
          },
          "title_derived": {
            "type": "boolean"
          },
          "mentions": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Mention"
            }
          }
        }
      },
      "MentionsResponse": {
        "type": "object",
        "required": [
          "reference",
          "key",
          "label",
          "total_documents",
          "total_mentions",
          "documents"
        ],
        "properties": {
          "reference": {
            "type": "string"
          },
          "key": {
            "type": "string"
          },
          "label": {
            "type": "string"
          },
          "total_documents": {
            "type": "integer"
          },
          "total_mentions": {
            "type": "integer"
          },
          "documents": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/MentionDocument"
            }
          }
        }
      },
      "GraphNode": {
        "type": "object",
        "required": [
          "id",
          "label",
          "resolved"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "label": {
            "type": "string"
          },
          "number": {
            "type": "string"
          },
          "type": {
            "type": "string"
          },
          "date": {
            "type": "string"
          },
          "path": {
            "type": "string"
          },
          "resolved": {
            "type": "boolean"
          }
        }
      },
      "GraphEdge": {
        "type": "object",
        "required": [
          "source",
          "target",
          "relation",
          "relation_label",
          "count"
        ],
        "properties": {
          "source": {
            "type": "string"
          },
          "target": {
            "type": "string"
          },
          "relation": {
            "type": "string"
          },
          "relation_label": {
            "type": "string"
          },
          "count": {
            "type": "integer"
          }
        }
      },
      "CitationGraph": {
        "type": "object",
        "required": [
          "nodes",
          "edges"
        ],
        "properties": {
          "nodes": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/GraphNode"
            }
          },
          "edges": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/GraphEdge"
            }
          }
        }
      }
    }
  }
}
"""#
}
