import { Component, type ReactNode } from 'react'

interface ErrorBoundaryProps {
  /** What failed, for the message: "canvas", "text editor". */
  area: string
  /**
   * Subscribes `retry` to something that may cure the failure (e.g. the next
   * edit of the text); returns the unsubscribe. Subscribed only while failed.
   */
  retryOn?: (retry: () => void) => () => void
  children: ReactNode
}

interface ErrorBoundaryState {
  error: Error | null
}

/** Keeps a failure in one area of the page from blanking the rest. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null }
  private unsubscribe: (() => void) | null = null

  static getDerivedStateFromError(error: unknown): Partial<ErrorBoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  // React itself reports the error and its component stack to the console.
  override componentDidCatch(): void {
    this.unsubscribe?.()
    this.unsubscribe = this.props.retryOn?.(this.retry) ?? null
  }

  override componentWillUnmount(): void {
    this.unsubscribe?.()
  }

  private retry = () => {
    this.unsubscribe?.()
    this.unsubscribe = null
    this.setState({ error: null })
  }

  override render() {
    const { error } = this.state
    if (!error) return this.props.children
    return (
      <div className="cai-failure" role="alert">
        <p>
          <strong>The {this.props.area} stopped working.</strong> The rest of the designer still works, and your text is
          safe.
        </p>
        <p className="cai-failure-detail">{error.message}</p>
        <button type="button" onClick={this.retry}>
          Try again
        </button>
      </div>
    )
  }
}
