// Imported first by bench/index.ts: the app's logger reads LOG_LEVEL when it is first imported,
// and per-operation info lines would bury the figures. An explicit LOG_LEVEL still wins.
process.env.LOG_LEVEL ??= "warn";
