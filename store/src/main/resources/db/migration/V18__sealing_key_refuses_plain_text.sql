-- Set once 'vpnd secrets reencrypt' has sealed every secret: from then on a secret stored in plain
-- text (which before sealing began was how every secret was stored) is refused rather than read,
-- since only someone writing to the database directly could have put it there.
ALTER TABLE sealing_key ADD COLUMN plain_text_refused INTEGER NOT NULL DEFAULT 0;
