using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SmartPulse.Notebooks.Kernel;

namespace SmartPulse.Notebooks.Tests.Kernel;

public sealed class WireFormatTests
{
    private const string Key = "a0436f6c-1916-498b-8eb9-e81ab9368e84";

    [Fact]
    public void SignatureIsHmacSha256OfTheFourFramesAsPythonComputesIt()
    {
        // Expected value: hmac.new(key, b''.join(parts), hashlib.sha256).hexdigest(), as jupyter_client's Session.sign does.
        byte[][] parts = ["{\"msg_type\":\"x\"}"u8.ToArray(), "{}"u8.ToArray(), "{}"u8.ToArray(), "{\"code\":\"1\"}"u8.ToArray()];
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Key), parts.SelectMany(p => p).ToArray()));

        var signer = new MessageSigner(Key);

        Assert.Equal(expected, signer.Sign(parts));
        Assert.True(signer.Verify(expected, parts));
        Assert.True(signer.Verify(expected.ToUpperInvariant(), parts));
        Assert.False(signer.Verify(expected[..^1] + (expected[^1] == '0' ? '1' : '0'), parts));
        Assert.False(signer.Verify("", parts));
    }

    [Fact]
    public void EmptyKeyDisablesSigning()
    {
        var signer = new MessageSigner("");
        Assert.False(signer.IsEnabled);
        Assert.Equal("", signer.Sign([[1, 2]]));
        Assert.True(signer.Verify("anything", [[1, 2]]));
    }

    [Fact]
    public void SerializeThenParseRoundTripsIdentitiesContentAndBuffers()
    {
        var signer = new MessageSigner(Key);
        var request = new JupyterMessage { Identities = [[1, 2, 3]], Header = new JsonObject { ["msg_id"] = "m1", ["msg_type"] = "execute_request" } };
        var message = JupyterMessage.Create("execute_reply", new JsonObject { ["status"] = "ok", ["execution_count"] = 3 }, request, "session-1");

        var frames = WireFormat.Serialize(message, signer);
        Assert.Equal([1, 2, 3], frames[0]);
        Assert.Equal("<IDS|MSG>", Encoding.ASCII.GetString(frames[1]));
        frames.Add([9, 9]);

        Assert.True(WireFormat.TryParse(frames, signer, out var parsed, out var error), error);
        Assert.Equal("execute_reply", parsed!.MessageType);
        Assert.Equal("m1", JupyterMessage.Text(parsed.ParentHeader, "msg_id"));
        Assert.Equal("5.3", JupyterMessage.Text(parsed.Header, "version"));
        Assert.Equal("session-1", JupyterMessage.Text(parsed.Header, "session"));
        Assert.Equal(3, JupyterMessage.Number(parsed.Content, "execution_count", 0));
        Assert.Single(parsed.Identities);
        Assert.Equal([9, 9], Assert.Single(parsed.Buffers));
    }

    [Fact]
    public void WronglySignedOrUnsignedMessagesAreRejectedBeforeTheirJsonIsRead()
    {
        var message = JupyterMessage.Create("execute_request", new JsonObject { ["code"] = "1" }, null, "s", [[7]]);
        var wrongKey = WireFormat.Serialize(message, new MessageSigner("other-key"));
        var unsigned = WireFormat.Serialize(message, new MessageSigner(""));
        var signer = new MessageSigner(Key);

        Assert.False(WireFormat.TryParse(wrongKey, signer, out _, out var error1));
        Assert.Equal("invalid signature", error1);
        Assert.False(WireFormat.TryParse(unsigned, signer, out _, out var error2));
        Assert.Equal("missing signature", error2);

        // A tampered content frame invalidates a correct signature.
        var tampered = WireFormat.Serialize(message, signer);
        tampered[^1] = Encoding.UTF8.GetBytes("{\"code\":\"System.Environment.Exit(1);\"}");
        Assert.False(WireFormat.TryParse(tampered, signer, out _, out var error3));
        Assert.Equal("invalid signature", error3);
    }

    [Theory]
    [InlineData("no delimiter")]
    [InlineData("too few frames")]
    [InlineData("bad json")]
    [InlineData("json array")]
    [InlineData("no msg_type")]
    [InlineData("invalid utf8")]
    public void MalformedFramesAreRejectedWithAReasonAndNeverThrow(string shape)
    {
        var signer = new MessageSigner(Key);
        List<byte[]> Signed(params string[] parts)
        {
            var bytes = parts.Select(p => Encoding.UTF8.GetBytes(p)).ToList();
            return [WireFormat.Delimiter, Encoding.ASCII.GetBytes(signer.Sign(bytes)), .. bytes];
        }

        var frames = shape switch
        {
            "no delimiter" => [[1], [2], [3]],
            "too few frames" => [WireFormat.Delimiter, [], "{}"u8.ToArray()],
            "bad json" => Signed("{not json", "{}", "{}", "{}"),
            "json array" => Signed("{\"msg_type\":\"a\"}", "{}", "{}", "[1,2]"),
            "no msg_type" => Signed("{\"msg_id\":\"1\"}", "{}", "{}", "{}"),
            _ => InvalidUtf8(signer),
        };

        Assert.False(WireFormat.TryParse(frames, signer, out var message, out var error));
        Assert.Null(message);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void AHugeMessageParses()
    {
        var signer = new MessageSigner(Key);
        var code = new string('x', 30_000_000);
        var message = JupyterMessage.Create("execute_request", new JsonObject { ["code"] = code }, null, "s", [[1]]);

        Assert.True(WireFormat.TryParse(WireFormat.Serialize(message, signer), signer, out var parsed, out var error), error);
        Assert.Equal(code.Length, JupyterMessage.Text(parsed!.Content, "code").Length);
    }

    [Fact]
    public void ConnectionFileIsReadAndBadOnesNameTheProblem()
    {
        var info = ConnectionInfo.Parse("""
            {"shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5,
             "ip": "127.0.0.1", "key": "k", "transport": "tcp", "signature_scheme": "hmac-sha256", "kernel_name": ".net-csharp"}
            """);
        Assert.Equal("tcp://127.0.0.1:1", info.Endpoint(info.ShellPort));
        Assert.Equal(5, info.HeartbeatPort);
        Assert.Equal("k", info.Key);

        var missing = Assert.Throws<FormatException>(() => ConnectionInfo.Parse("""{"shell_port": 1}"""));
        Assert.Contains("iopub_port", missing.Message + ConnectionInfoMessage(() => ConnectionInfo.Parse("""{"shell_port":1,"control_port":1,"stdin_port":1,"hb_port":1}""")), StringComparison.Ordinal);
        Assert.Contains("hmac-md5", Assert.Throws<FormatException>(() => ConnectionInfo.Parse("""{"shell_port":1,"control_port":1,"stdin_port":1,"hb_port":1,"iopub_port":1,"key":"k","signature_scheme":"hmac-md5"}""")).Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => ConnectionInfo.Parse("not json"));
    }

    private static string ConnectionInfoMessage(Action parse)
    {
        try
        {
            parse();
            return "";
        }
        catch (FormatException e)
        {
            return e.Message;
        }
    }

    private static List<byte[]> InvalidUtf8(MessageSigner signer)
    {
        List<byte[]> parts = [[0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d], "{}"u8.ToArray(), "{}"u8.ToArray(), "{}"u8.ToArray()];
        return [WireFormat.Delimiter, Encoding.ASCII.GetBytes(signer.Sign(parts)), .. parts];
    }
}
