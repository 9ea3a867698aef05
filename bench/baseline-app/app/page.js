// The "empty Next.js app" page: static, prerendered at build time.
export default function Page() {
  return <h1>Hello</h1>;
}
