-- The verdict of a tunnel's health check as its agent last reported it (docs/agent-protocol.md):
-- UNKNOWN, UP or DOWN; NULL when the tunnel's plan has no health check or the agent sends none.
ALTER TABLE tunnel_observations ADD COLUMN health TEXT;
