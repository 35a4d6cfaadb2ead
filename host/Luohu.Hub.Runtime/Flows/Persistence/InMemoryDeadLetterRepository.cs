using Microsoft.Extensions.Options;

namespace Luohu.Hub.Runtime.Flows.Persistence;

/// <summary>Dead letters in memory, bounded by <see cref="FlowOptions.InMemoryDeadLetterCapacity"/> (oldest dropped).</summary>
internal sealed class InMemoryDeadLetterRepository(IOptions<FlowOptions> options) : IDeadLetterRepository
{
    private readonly Lock _gate = new();
    private readonly LinkedList<DeadLetterRecord> _items = new();

    public Task AddAsync(DeadLetterRecord deadLetter, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _items.AddFirst(deadLetter);
            while (_items.Count > Math.Max(1, options.Value.InMemoryDeadLetterCapacity))
            {
                _items.RemoveLast();
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DeadLetterRecord>> ListAsync(string? flowId, string? state, int skip, int take, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<DeadLetterRecord> list = [.. _items
                .Where(d => (flowId is null || d.FlowId == flowId) && (state is null || d.State == state))
                .Skip(Math.Max(0, skip))
                .Take(Math.Max(0, take))];
            return Task.FromResult(list);
        }
    }

    public Task<DeadLetterRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_items.FirstOrDefault(d => d.Id == id));
        }
    }

    public Task MarkReplayedAsync(string id, DateTimeOffset at, CancellationToken cancellationToken) =>
        Change(id, d => d with { State = DeadLetterStates.Replayed, ReplayCount = d.ReplayCount + 1, ReplayedAt = at });

    public Task DiscardAsync(string id, CancellationToken cancellationToken) =>
        Change(id, d => d with { State = DeadLetterStates.Discarded });

    private Task Change(string id, Func<DeadLetterRecord, DeadLetterRecord> change)
    {
        lock (_gate)
        {
            for (var node = _items.First; node is not null; node = node.Next)
            {
                if (node.Value.Id == id)
                {
                    node.Value = change(node.Value);
                    break;
                }
            }
        }

        return Task.CompletedTask;
    }
}
