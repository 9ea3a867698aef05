// The widget partner sites frame (/embed/<slug>) stands alone: no site frame.
export default function EmbedLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="embedded">
      <main id="main">{children}</main>
    </div>
  );
}
