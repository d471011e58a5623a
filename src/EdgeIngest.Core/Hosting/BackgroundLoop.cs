using Microsoft.Extensions.Logging;

namespace EdgeIngest.Hosting;

/// <summary>
/// One task that runs in the background from <see cref="Start"/> to <see cref="StopAsync()"/>: the
/// one place that gets starting, stopping and crashing right, so that each loop holds only its work.
/// A stop first calls <see cref="OnStoppingAsync"/> (where a loop that drains a queue completes
/// it); then, unless <see cref="DrainsOnStop"/>, cancels the loop's token. It waits at most
/// <see cref="StopTimeout"/> for the loop to end; past that, it cancels the token (a draining loop
/// gives up what is left), logs that the loop did not end, and returns, so no stop hangs a shutdown.
/// An exception that escapes the loop's body is logged with the loop's name when it happens, not
/// left in an unobserved task.
/// </summary>
public abstract class BackgroundLoop : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly ILogger _logger;
    private Task _loop = Task.CompletedTask;
    private Task? _stop;
    private int _started;

    protected BackgroundLoop(string name, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Says which loop a log line is about ("outbox sender", "segment trimmer of camera 'gate'").</summary>
    public string Name { get; }

    /// <summary>Where the loop's own lines go (the logger it was made with).</summary>
    protected ILogger Logger => _logger;

    /// <summary>How long a stop waits for the loop to end before giving up on it.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>True once the loop has ended, whether stopped, finished or crashed.</summary>
    public bool HasEnded => Volatile.Read(ref _started) == 1 && _loop.IsCompleted;

    /// <summary>
    /// True for a loop that ends by itself once <see cref="OnStoppingAsync"/> has run (e.g. reads a
    /// queue to its end): its token is cancelled only if it outlasts <see cref="StopTimeout"/>.
    /// </summary>
    protected virtual bool DrainsOnStop => false;

    /// <summary>Starts the loop on the thread pool; a second call is a bug and throws.</summary>
    public void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException($"The {Name} was already started.");
        }

        _loop = Task.Run(() => RunGuardedAsync(_stopping.Token), CancellationToken.None);
    }

    /// <summary>Stops the loop (see the class); safe to call more than once, and before <see cref="Start"/>.</summary>
    public Task StopAsync()
    {
        lock (_gate)
        {
            return _stop ??= StopOnceAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await DisposeCoreAsync().ConfigureAwait(false);
        if (_loop.IsCompleted)
        {
            // Left undisposed otherwise: a loop that outlived its stop may still use the token.
            _stopping.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>The loop's body. <paramref name="stopping"/> is cancelled when it should end.</summary>
    protected abstract Task RunAsync(CancellationToken stopping);

    /// <summary>Runs once at the start of a stop, before the token is cancelled (e.g. completes the queue a loop drains).</summary>
    protected virtual Task OnStoppingAsync() => Task.CompletedTask;

    /// <summary>Releases what the loop owned; runs after the loop has stopped (or was given up on).</summary>
    protected virtual ValueTask DisposeCoreAsync() => ValueTask.CompletedTask;

    private async Task StopOnceAsync()
    {
        await OnStoppingAsync().ConfigureAwait(false);
        if (!DrainsOnStop)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }

        if (await EndsWithinAsync(StopTimeout).ConfigureAwait(false))
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        BackgroundLoopLog.DidNotStop(_logger, Name, StopTimeout.TotalSeconds);
    }

    private async Task<bool> EndsWithinAsync(TimeSpan timeout)
    {
        try
        {
            await _loop.WaitAsync(timeout).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private async Task RunGuardedAsync(CancellationToken stopping)
    {
        try
        {
            await RunAsync(stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception e)
        {
            BackgroundLoopLog.Crashed(_logger, Name, e);
        }
    }
}
