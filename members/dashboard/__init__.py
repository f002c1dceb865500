"""The members' area's front page at /members/: the panels every app adds through the
`kcp_dashboard_panels` hook."""
