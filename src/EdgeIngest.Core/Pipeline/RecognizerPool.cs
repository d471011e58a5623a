using EdgeIngest.Reads;

namespace EdgeIngest.Pipeline;

/// <summary>
/// The plate recognisers the cameras share: one by default, or several (each its own copy of the
/// models, <c>recognition.parallel_frames</c>), so that that many frames are read at once. A camera
/// waits for a free one in arrival order (<see cref="SemaphoreSlim"/> serves waiters first come,
/// first served), so no camera is starved by a busier one. On a 2-core box two recognisers with one
/// ONNX Runtime thread each read more frames per CPU second than one with two threads, which
/// synchronise at every operator and stall whenever another process holds one of the cores.
/// </summary>
public sealed class RecognizerPool : IDisposable
{
    private readonly IPlateRecognizer[] _recognizers;
    private readonly bool[] _inUse;
    private readonly SemaphoreSlim _free;
    private readonly Lock _gate = new();

    public RecognizerPool(IReadOnlyList<IPlateRecognizer> recognizers)
    {
        ArgumentNullException.ThrowIfNull(recognizers);
        ArgumentOutOfRangeException.ThrowIfZero(recognizers.Count, nameof(recognizers));
        _recognizers = [.. recognizers];
        _inUse = new bool[_recognizers.Length];
        _free = new SemaphoreSlim(_recognizers.Length, _recognizers.Length);
    }

    /// <summary>How many frames can be read at once.</summary>
    public int Count => _recognizers.Length;

    /// <summary>
    /// Waits for a free recogniser and hands it out; give it back with <see cref="Return"/>. An
    /// uncontended rent completes synchronously and allocates nothing.
    /// </summary>
    public async ValueTask<Lease> RentAsync(CancellationToken cancellationToken)
    {
        await _free.WaitAsync(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            for (var i = 0; i < _inUse.Length; i++)
            {
                if (!_inUse[i])
                {
                    _inUse[i] = true;
                    return new Lease(i, _recognizers[i]);
                }
            }
        }

        // The semaphore's count equals the free recognisers, so this cannot be reached.
        throw new InvalidOperationException("recognizer pool: the semaphore let a caller in with no recogniser free");
    }

    public void Return(Lease lease)
    {
        lock (_gate)
        {
            if (!_inUse[lease.Index])
            {
                throw new InvalidOperationException($"recognizer pool: recogniser {lease.Index} returned twice");
            }

            _inUse[lease.Index] = false;
        }

        _free.Release();
    }

    public void Dispose()
    {
        foreach (var recognizer in _recognizers)
        {
            recognizer.Dispose();
        }

        _free.Dispose();
    }

    /// <summary>One recogniser, lent to one camera for one frame.</summary>
    public readonly record struct Lease(int Index, IPlateRecognizer Recognizer);
}
