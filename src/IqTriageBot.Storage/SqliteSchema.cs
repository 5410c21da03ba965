namespace IqTriageBot.Storage;

internal static class SqliteSchema
{
    // Idempotent: every statement may run again on an existing database.
    public const string Version1 = """
        CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
        INSERT INTO schema_version (version) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM schema_version);

        CREATE TABLE IF NOT EXISTS dl_conversation (
            id             TEXT PRIMARY KEY,
            user_id        TEXT NULL,
            locale         TEXT NULL,
            created_utc    TEXT NOT NULL,
            started        INTEGER NOT NULL DEFAULT 0,
            last_seq       INTEGER NOT NULL DEFAULT 0,
            last_timestamp TEXT NULL
        );

        CREATE TABLE IF NOT EXISTS dl_activity (
            conversation_id TEXT NOT NULL REFERENCES dl_conversation(id) ON DELETE CASCADE,
            seq             INTEGER NOT NULL,
            json            TEXT NOT NULL,
            PRIMARY KEY (conversation_id, seq)
        );

        CREATE TABLE IF NOT EXISTS dl_file (
            id              TEXT PRIMARY KEY,
            conversation_id TEXT NOT NULL REFERENCES dl_conversation(id) ON DELETE CASCADE,
            content_type    TEXT NOT NULL,
            name            TEXT NULL,
            data            BLOB NOT NULL,
            created_utc     TEXT NOT NULL
        );

        CREATE TABLE IF NOT EXISTS dialog_state (
            state_key   TEXT PRIMARY KEY,
            etag        TEXT NOT NULL,
            json        TEXT NOT NULL,
            updated_utc TEXT NOT NULL
        );
        """;
}
