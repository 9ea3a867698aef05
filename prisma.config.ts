// Prisma CLI configuration. The CLI runs its schema engine as WASM over the
// pg driver adapter, so `migrate` works on machines that cannot download
// Prisma's native engines (see docs/DEVELOPMENT.md, "Prisma offline").
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) {
      throw new Error(
        "DATABASE_URL is not set. Run Prisma through the npm scripts (npm run db:migrate), which start the embedded database when none is given.",
      );
    }
    return new PrismaPg({ connectionString });
  },
});
