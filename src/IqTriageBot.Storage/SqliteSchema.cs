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

    /// <summary>
    /// Bookings. A seat is a number below the centre's capacity; the partial unique index makes the database
    /// refuse a second active booking of the same seat, so two people can never get the last one.
    /// </summary>
    public const string Bookings = """
        CREATE TABLE IF NOT EXISTS booking (
            id               TEXT PRIMARY KEY,
            reference        TEXT NOT NULL UNIQUE,
            idempotency_key  TEXT NOT NULL UNIQUE,
            centre_id        TEXT NOT NULL,
            service          TEXT NOT NULL,
            start_utc        TEXT NULL,
            end_utc          TEXT NULL,
            seat             INTEGER NULL,
            mode             TEXT NOT NULL,
            anonymous        INTEGER NOT NULL,
            name             TEXT NULL,
            status           TEXT NOT NULL,
            channel_id       TEXT NOT NULL,
            conversation_id  TEXT NOT NULL,
            user_id          TEXT NULL,
            service_url      TEXT NULL,
            language         TEXT NOT NULL,
            created_utc      TEXT NOT NULL,
            changed_utc      TEXT NOT NULL,
            reminder_utc     TEXT NULL,
            intake_json      TEXT NULL,
            assigned_to      TEXT NULL
        );
        CREATE UNIQUE INDEX IF NOT EXISTS booking_seat ON booking (centre_id, start_utc, seat) WHERE status = 'booked';
        CREATE INDEX IF NOT EXISTS booking_conversation ON booking (channel_id, conversation_id);
        CREATE INDEX IF NOT EXISTS booking_start ON booking (start_utc);
        """;

    /// <summary>Advisor portal accounts, its audit log, operators' changes to centres, anonymous statistics.</summary>
    public const string Portal = """
        CREATE TABLE IF NOT EXISTS portal_account (
            id            TEXT PRIMARY KEY,
            email         TEXT NOT NULL UNIQUE COLLATE NOCASE,
            password_hash TEXT NOT NULL,
            role          TEXT NOT NULL,
            centre_id     TEXT NULL,
            failed        INTEGER NOT NULL DEFAULT 0,
            locked_until  TEXT NULL,
            created_utc   TEXT NOT NULL
        );

        CREATE TABLE IF NOT EXISTS portal_audit (
            id        INTEGER PRIMARY KEY AUTOINCREMENT,
            at_utc    TEXT NOT NULL,
            account   TEXT NOT NULL,
            action    TEXT NOT NULL,
            reference TEXT NULL
        );

        CREATE TABLE IF NOT EXISTS centre_setting (
            centre_id   TEXT PRIMARY KEY,
            json        TEXT NOT NULL,
            updated_utc TEXT NOT NULL
        );

        CREATE TABLE IF NOT EXISTS stat_count (
            day       TEXT NOT NULL,
            metric    TEXT NOT NULL,
            dimension TEXT NOT NULL,
            value     TEXT NOT NULL,
            count     INTEGER NOT NULL,
            PRIMARY KEY (day, metric, dimension, value)
        );
        """;

    /// <summary>
    /// The mail outbox: notification mails wait here until the SMTP server accepted them. The de-duplication key
    /// is unique, so a repeated notification is queued once; last_error holds the kind of failure, never addresses.
    /// </summary>
    public const string MailOutbox = """
        CREATE TABLE IF NOT EXISTS mail_outbox (
            id                TEXT PRIMARY KEY,
            dedup_key         TEXT NOT NULL UNIQUE,
            kind              TEXT NOT NULL,
            booking_reference TEXT NULL,
            centre_id         TEXT NULL,
            channel_id        TEXT NULL,
            conversation_id   TEXT NULL,
            recipients_json   TEXT NOT NULL,
            subject           TEXT NOT NULL,
            text_body         TEXT NOT NULL,
            html_body         TEXT NULL,
            attachments_json  TEXT NOT NULL,
            status            TEXT NOT NULL,
            attempts          INTEGER NOT NULL DEFAULT 0,
            created_utc       TEXT NOT NULL,
            next_attempt_utc  TEXT NULL,
            sent_utc          TEXT NULL,
            last_error        TEXT NULL
        );
        CREATE INDEX IF NOT EXISTS mail_outbox_due ON mail_outbox (status, next_attempt_utc);
        CREATE INDEX IF NOT EXISTS mail_outbox_conversation ON mail_outbox (channel_id, conversation_id);
        CREATE INDEX IF NOT EXISTS mail_outbox_created ON mail_outbox (created_utc);
        """;

    /// <summary>Addresses of Bot Connector conversations (Azure Bot Service channels, the Emulator), for proactive messages.</summary>
    public const string Connector = """
        CREATE TABLE IF NOT EXISTS connector_address (
            channel_id      TEXT NOT NULL,
            conversation_id TEXT NOT NULL,
            service_url     TEXT NOT NULL,
            bot_id          TEXT NULL,
            user_id         TEXT NULL,
            tenant_id       TEXT NULL,
            updated_utc     TEXT NOT NULL,
            PRIMARY KEY (channel_id, conversation_id)
        );
        """;

    /// <summary>
    /// Messenger channels (Telegram, WhatsApp): who the conversation is with, the ids already processed (platforms
    /// redeliver), the short ids behind buttons, and the outbox of platform calls that are sent and retried in the
    /// background.
    /// </summary>
    public const string Messengers = """
        CREATE TABLE IF NOT EXISTS messenger_conversation (
            channel_id       TEXT NOT NULL,
            conversation_id  TEXT NOT NULL,
            user_id          TEXT NULL,
            phone_id         TEXT NULL,
            language_hint    TEXT NULL,
            last_inbound_utc TEXT NOT NULL,
            PRIMARY KEY (channel_id, conversation_id)
        );

        CREATE TABLE IF NOT EXISTS messenger_seen (
            channel_id TEXT NOT NULL,
            item_id    TEXT NOT NULL,
            seen_utc   TEXT NOT NULL,
            PRIMARY KEY (channel_id, item_id)
        );
        CREATE INDEX IF NOT EXISTS messenger_seen_time ON messenger_seen (seen_utc);

        CREATE TABLE IF NOT EXISTS messenger_button (
            channel_id      TEXT NOT NULL,
            conversation_id TEXT NOT NULL,
            token           TEXT NOT NULL,
            value           TEXT NOT NULL,
            created_utc     TEXT NOT NULL,
            PRIMARY KEY (channel_id, conversation_id, token)
        );

        CREATE TABLE IF NOT EXISTS messenger_outbox (
            id              INTEGER PRIMARY KEY AUTOINCREMENT,
            channel_id      TEXT NOT NULL,
            conversation_id TEXT NOT NULL,
            method          TEXT NOT NULL,
            payload         TEXT NOT NULL,
            attempts        INTEGER NOT NULL DEFAULT 0,
            next_utc        TEXT NOT NULL,
            created_utc     TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS messenger_outbox_next ON messenger_outbox (next_utc);
        """;

    /// <summary>
    /// Catalog texts a translator made for languages without a reviewed catalog, so each is asked for once.
    /// source_hash is the hash of the English text it came from: an edited English text is translated anew.
    /// </summary>
    public const string Translations = """
        CREATE TABLE IF NOT EXISTS translated_text (
            language    TEXT NOT NULL,
            text_key    TEXT NOT NULL,
            source_hash TEXT NOT NULL,
            text        TEXT NOT NULL,
            provider    TEXT NOT NULL,
            updated_utc TEXT NOT NULL,
            PRIMARY KEY (language, text_key)
        );
        """;
}
