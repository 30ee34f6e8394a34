using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ClusterAtlas.Caching;

/// <summary>
/// Evicts the cached answers that a save changed, by the tags the features declared for the saved entity types
/// (<see cref="CacheTagMap"/>). Outside a transaction that is right after the save; inside one, after its commit (a
/// rollback forgets them), so that no reader renders, and stores, the old content between the save and the commit.
/// A save of profiles or vocabularies also marks the in-memory directory stale (which evicts in turn), so a page rendered
/// after the eviction never reads the directory as it was before the write.
/// Set-based writes (ExecuteUpdate, ExecuteDelete, bulk inserts) bypass the change tracker and evict themselves
/// (<see cref="CacheEviction"/>), most of them through the directory's stale mark.
/// </summary>
public sealed class ContentChangeInterceptor(CacheTagMap map, CacheEviction eviction, ClusterDirectory.DirectoryIndex directory)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private sealed class Pending
    {
        public HashSet<string> Saving { get; } = new(StringComparer.Ordinal);

        public HashSet<string> AwaitingCommit { get; } = new(StringComparer.Ordinal);
    }

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context, saving: true);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context, saving: true);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Forget(eventData.Context, saving: true);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context, saving: true);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        context.ChangeTracker.DetectChanges();
        var pending = _pending.GetOrCreateValue(context);
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                pending.Saving.UnionWith(map.TagsOf(entry.Metadata.ClrType));
            }
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending) || pending.Saving.Count == 0)
        {
            return;
        }
        if (context.Database.CurrentTransaction is not null)
        {
            pending.AwaitingCommit.UnionWith(pending.Saving);
            pending.Saving.Clear();
            return;
        }
        Evict(pending.Saving);
        pending.Saving.Clear();
    }

    private void Committed(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending) || pending.AwaitingCommit.Count == 0)
        {
            return;
        }
        Evict(pending.AwaitingCommit);
        pending.AwaitingCommit.Clear();
    }

    private void Evict(HashSet<string> tags)
    {
        if (tags.Contains(ContentTags.Vocabularies))
        {
            directory.MarkVocabularyChanged();
        }
        else if (tags.Contains(ContentTags.Profiles))
        {
            directory.MarkStale();
        }
        eviction.Evict([.. tags]);
    }

    private void Forget(DbContext? context, bool saving)
    {
        if (context is not null && _pending.TryGetValue(context, out var pending))
        {
            (saving ? pending.Saving : pending.AwaitingCommit).Clear();
        }
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context, saving: false);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context, saving: false);
        return Task.CompletedTask;
    }
}
