#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded here.
# Migrations run through Prisma's WebAssembly schema engine instead.
echo "schema engine not available; use npm run db:migrate / npm run db:migration" >&2
exit 1
