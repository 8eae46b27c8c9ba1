-- Data migration (hand-written, issue 22): session tokens are stored as SHA-256 hashes from now
-- on (lib/auth/hashed-sessions.ts). A row holding a plain token can no longer be matched by a
-- cookie and would only keep a usable secret on disk, so every existing session ends: each
-- person signs in once more after the update. No schema change.
DELETE FROM "Session";
