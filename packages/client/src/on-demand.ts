/**
 * A module (or anything else asynchronous) loaded on demand: `load` runs on the first call and its
 * promise is shared by every call after it; a failure (a chunk that did not download) is forgotten,
 * so the next call tries again.
 */
export function onDemand<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    if (!loading) {
      const attempt = load();
      loading = attempt;
      attempt.catch(() => {
        if (loading === attempt) loading = undefined;
      });
    }
    return loading;
  };
}
