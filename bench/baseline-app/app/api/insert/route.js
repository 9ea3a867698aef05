// A bare route handler that inserts one row (the signing endpoint's baseline):
// JSON body in, one INSERT through a pg pool, 201 out.
import pg from "pg";

export const dynamic = "force-dynamic";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

export async function POST(request) {
  const body = await request.json();
  const { rows } = await pool.query("INSERT INTO bench_insert (body) VALUES ($1) RETURNING id", [body]);
  return Response.json({ id: rows[0].id }, { status: 201 });
}
