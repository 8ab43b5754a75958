import { defineConfig } from 'vite';

// The build lands in the jar's META-INF/resources, which the servlet container serves from
// WEB-INF/lib of the web module (docs/console.md, "Build and serving").
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'target/classes/META-INF/resources',
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    sourcemap: false,
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
