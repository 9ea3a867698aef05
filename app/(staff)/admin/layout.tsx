import { requireStaff } from "@/lib/auth/session";

/**
 * The admin pages: admins only (each page checks its caller again). The
 * navigation is the staff area's (app/(staff)/layout.tsx).
 */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requireStaff("admin");
  return children;
}
