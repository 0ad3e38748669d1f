using System.Collections.Concurrent;

namespace KubeCore.Api.Commands;

/// <summary>
/// The in-memory states of recently used aggregates, so a request on a busy group does not restore it from storage again.
/// A state is owned by one request at a time: a request takes it out (at the stored version, or behind it when another
/// process wrote since, and then catches it up from storage), uses it, and gives it back once its answer is written or
/// its transaction committed. A request that fails, or finds no usable state, discards it or restores it from storage:
/// the cache can only save work, never change an answer. Each process has its own cache; versions keep several
/// processes on one database correct.
/// </summary>
public sealed class StateCache(int capacity = StateCache.DefaultCapacity)
{
    /// <summary>How many aggregates are kept by default.</summary>
    public const int DefaultCapacity = 1_000;

    private readonly ConcurrentDictionary<Guid, (long Version, object State)> _states = new();

    /// <summary>
    /// Takes the state of <paramref name="id"/> when it is at <paramref name="version"/> or behind it (another process
    /// wrote since: the caller catches it up); otherwise drops it and returns null.
    /// </summary>
    public (TState State, long Version)? Take<TState>(Guid id, long version)
        where TState : class =>
        _states.TryRemove(id, out var entry) && entry.Version <= version && entry.State is TState state ? (state, entry.Version) : null;

    /// <summary>Gives a state back at its version (a newer one already there is kept; nothing is kept beyond capacity).</summary>
    public void Return(Guid id, long version, object state)
    {
        if (_states.Count >= capacity && !_states.ContainsKey(id))
        {
            return;
        }
        _states.AddOrUpdate(id, (version, state), (_, existing) => existing.Version >= version ? existing : (version, state));
    }
}
