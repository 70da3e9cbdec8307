// The GraphQL-over-HTTP conformance audit of graphql-http (the reference implementation's own suite).
// Usage: node audit.mjs http://localhost:8081/graphql
// Prints one JSON line per audit ({id, name, status, reason}); ClientsCheck's GraphQLHttpAuditTest judges them.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs <graphql url>');
  process.exit(2);
}
const results = await auditServer({ url });
for (const result of results) {
  console.log(JSON.stringify({ id: result.id, name: result.name, status: result.status, reason: result.reason ?? null }));
}
