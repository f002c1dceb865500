"""The audit trail of personal data (who viewed, exported or changed what), the security log of
sign-in and rights events, and the officers' screens for both."""
