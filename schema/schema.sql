-- newskb's SQLite schema. `ingest/store.py` runs this file as it is; users write SQL against
-- these names, so they are stable. Offsets (start, "end") index into articles.body_markdown.
-- Every foreign key has an index; children go with their article (ON DELETE CASCADE), so
-- replacing an article is one delete and one insert inside one transaction.

CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    url TEXT,
    title TEXT,
    author TEXT,                      -- authors in byline order, joined with ', '
    published TEXT,                   -- ISO 8601, NULL when unknown
    site TEXT,
    format TEXT NOT NULL CHECK (format IN ('html', 'markdown', 'text')),
    language TEXT,
    content_hash TEXT NOT NULL,       -- SHA-256 of the raw bytes
    body_markdown TEXT NOT NULL,
    word_count INTEGER NOT NULL,
    fetched_at TEXT,                  -- when a page from a web archive was fetched
    imported_at TEXT NOT NULL,
    parser_version TEXT NOT NULL,
    provenance TEXT                   -- JSON: field -> where its value came from
);
CREATE UNIQUE INDEX IF NOT EXISTS articles_source ON articles(source);
CREATE INDEX IF NOT EXISTS articles_content_hash ON articles(content_hash);
CREATE INDEX IF NOT EXISTS articles_url ON articles(url);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);

CREATE TABLE IF NOT EXISTS authors (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (article_id, position)
);
CREATE INDEX IF NOT EXISTS authors_name ON authors(name);

CREATE TABLE IF NOT EXISTS tags (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (article_id, tag)
);
CREATE INDEX IF NOT EXISTS tags_tag ON tags(tag);

CREATE TABLE IF NOT EXISTS sections (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES sections(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    level INTEGER NOT NULL,           -- 1 the title, 2 sections, 3 subsections; 0 text before any heading
    heading TEXT NOT NULL,
    path TEXT NOT NULL,               -- 'Section > Subsection', the title left out
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS sections_article_id ON sections(article_id);
CREATE INDEX IF NOT EXISTS sections_parent_id ON sections(parent_id);

CREATE TABLE IF NOT EXISTS paragraphs (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    section_id INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('paragraph', 'list_item', 'quote')),
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS paragraphs_article_id ON paragraphs(article_id);
CREATE INDEX IF NOT EXISTS paragraphs_section_id ON paragraphs(section_id);

CREATE TABLE IF NOT EXISTS tables (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    section_id INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    caption TEXT,
    n_rows INTEGER NOT NULL,          -- header rows included
    n_cols INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS tables_article_id ON tables(article_id);
CREATE INDEX IF NOT EXISTS tables_section_id ON tables(section_id);

CREATE TABLE IF NOT EXISTS table_cells (
    table_id INTEGER NOT NULL REFERENCES tables(id) ON DELETE CASCADE,
    row INTEGER NOT NULL,             -- from 0, header rows included
    col INTEGER NOT NULL,             -- from 0
    is_header INTEGER NOT NULL CHECK (is_header IN (0, 1)),
    text TEXT NOT NULL,
    PRIMARY KEY (table_id, row, col)
);

CREATE TABLE IF NOT EXISTS code_blocks (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    section_id INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    language TEXT,
    code TEXT NOT NULL,
    n_lines INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS code_blocks_article_id ON code_blocks(article_id);
CREATE INDEX IF NOT EXISTS code_blocks_section_id ON code_blocks(section_id);

CREATE TABLE IF NOT EXISTS links (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    url TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (article_id, position)
);
CREATE INDEX IF NOT EXISTS links_url ON links(url);

CREATE TABLE IF NOT EXISTS claims (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    section_id INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    hedged INTEGER NOT NULL CHECK (hedged IN (0, 1)),
    attribution TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS claims_article_id ON claims(article_id);
CREATE INDEX IF NOT EXISTS claims_section_id ON claims(section_id);
CREATE INDEX IF NOT EXISTS claims_kind ON claims(kind);

CREATE TABLE IF NOT EXISTS entities (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,        -- one row per real-world thing across all articles
    type TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS claim_entities (
    claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    text TEXT NOT NULL,               -- the entity as written in the claim
    PRIMARY KEY (claim_id, entity_id)
);
CREATE INDEX IF NOT EXISTS claim_entities_entity_id ON claim_entities(entity_id);

CREATE TABLE IF NOT EXISTS quantities (
    id INTEGER PRIMARY KEY,
    claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    value REAL,
    high REAL,                        -- the high end of a range
    unit TEXT,
    currency TEXT,
    approximate INTEGER NOT NULL CHECK (approximate IN (0, 1))
);
CREATE INDEX IF NOT EXISTS quantities_claim_id ON quantities(claim_id);

CREATE TABLE IF NOT EXISTS claim_dates (
    claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    date TEXT,
    PRIMARY KEY (claim_id, position)
);

-- Full-text search: external-content FTS5 tables kept in step by triggers. The
-- content="table" spelling is the one Datasette detects to offer a search box.
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, body_markdown, content="articles", content_rowid="id");
CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, body_markdown)
    VALUES (new.id, new.title, new.body_markdown);
END;
CREATE TRIGGER IF NOT EXISTS articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body_markdown)
    VALUES ('delete', old.id, old.title, old.body_markdown);
END;
CREATE TRIGGER IF NOT EXISTS articles_fts_update AFTER UPDATE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body_markdown)
    VALUES ('delete', old.id, old.title, old.body_markdown);
    INSERT INTO articles_fts(rowid, title, body_markdown)
    VALUES (new.id, new.title, new.body_markdown);
END;

CREATE VIRTUAL TABLE IF NOT EXISTS sections_fts USING fts5(
    heading, text, content="sections", content_rowid="id");
CREATE TRIGGER IF NOT EXISTS sections_fts_insert AFTER INSERT ON sections BEGIN
    INSERT INTO sections_fts(rowid, heading, text) VALUES (new.id, new.heading, new.text);
END;
CREATE TRIGGER IF NOT EXISTS sections_fts_delete AFTER DELETE ON sections BEGIN
    INSERT INTO sections_fts(sections_fts, rowid, heading, text)
    VALUES ('delete', old.id, old.heading, old.text);
END;

CREATE VIRTUAL TABLE IF NOT EXISTS claims_fts USING fts5(
    text, content="claims", content_rowid="id");
CREATE TRIGGER IF NOT EXISTS claims_fts_insert AFTER INSERT ON claims BEGIN
    INSERT INTO claims_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER IF NOT EXISTS claims_fts_delete AFTER DELETE ON claims BEGIN
    INSERT INTO claims_fts(claims_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE VIEW IF NOT EXISTS claims_view AS
SELECT
    claims.id,
    claims.article_id,
    articles.title AS article_title,
    articles.published,
    articles.site,
    sections.path AS section_path,
    claims.position,
    claims.text,
    claims.kind,
    claims.hedged,
    claims.attribution
FROM claims
JOIN articles ON articles.id = claims.article_id
JOIN sections ON sections.id = claims.section_id;
