// Intentionally empty: stands in for a client module we do not need (see lean-client.ts).
export {};
