"""What every app shares and which imports no app: errors, the desk's clock, remembered settings,
rate limits, form and HTTP helpers, API schemas, middleware and health checks."""
