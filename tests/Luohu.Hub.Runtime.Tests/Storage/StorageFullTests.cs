using Luohu.Hub.Runtime.Storage;
using Microsoft.Data.Sqlite;

namespace Luohu.Hub.Runtime.Tests.Storage;

/// <summary>Real failures of a full store, told apart from every other failure.</summary>
public sealed class StorageFullTests
{
    [Fact]
    public void SQLite_refusing_a_write_on_a_full_database_is_a_full_data_folder_even_wrapped()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, "CREATE TABLE t (x BLOB); PRAGMA max_page_count = 3;");
        var full = Assert.Throws<SqliteException>(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                Execute(connection, "INSERT INTO t VALUES (zeroblob(4096));");
            }
        });

        Assert.Equal(13, full.SqliteErrorCode);
        Assert.True(StorageFull.IsCause(full));
        Assert.True(StorageFull.IsCause(new InvalidOperationException("saving the flow failed", full)));
        Assert.True(StorageFull.IsCause(new AggregateException(new TimeoutException(), full)));
    }

    [Fact]
    public void A_write_to_a_device_with_no_space_left_is_a_full_data_folder()
    {
        var full = Assert.ThrowsAny<IOException>(() =>
        {
            using var stream = new FileStream("/dev/full", FileMode.Open, FileAccess.Write);
            stream.Write(new byte[4096]);
            stream.Flush();
        });

        Assert.True(StorageFull.IsCause(full), $"{full.GetType().Name} HResult {full.HResult}: {full.Message}");
    }

    [Fact]
    public void Other_failures_of_SQLite_and_of_files_are_not()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        var syntax = Assert.Throws<SqliteException>(() => Execute(connection, "SELEC 1"));
        var missing = Assert.ThrowsAny<IOException>(() => File.ReadAllBytes("/nonexistent/luohu/file"));

        Assert.False(StorageFull.IsCause(syntax));
        Assert.False(StorageFull.IsCause(missing));
        Assert.False(StorageFull.IsCause(new InvalidOperationException("plugin bug")));
        Assert.False(StorageFull.IsCause(null));
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
