"""Drives the SmartPulse C# kernel with jupyter_client: interrupting a `while (true)` cell leaves the kernel
usable; a message with a wrong signature, a malformed message and an unknown message type are ignored or
answered without breaking the kernel. Run from KernelPythonTests.cs (JUPYTER_PATH, SMARTPULSE_KERNEL_NAME)."""
import os
import signal
import time
import unittest
import uuid

import zmq
from jupyter_client.manager import start_new_kernel
from jupyter_client.session import Session

KERNEL = os.environ.get("SMARTPULSE_KERNEL_NAME", ".net-csharp")
# The kernel logs nothing unless asked: these tests read its log (dropped messages) from stderr.
os.environ["SMARTPULSE_KERNEL_LOG"] = "stderr"
TIMEOUT = 60


class InterruptAndSigningTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=120)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=False)

    def run_cell(self, code, timeout=TIMEOUT):
        outputs = []
        reply = self.kc.execute_interactive(code, timeout=timeout, output_hook=lambda m: outputs.append(m))
        return reply, outputs

    def shell_reply(self, msg_id, timeout=TIMEOUT):
        """The shell reply to msg_id, skipping replies to earlier requests (e.g. start-up kernel_info)."""
        deadline = time.time() + timeout
        while True:
            reply = self.kc.get_shell_msg(timeout=max(0.1, deadline - time.time()))
            if reply["parent_header"].get("msg_id") == msg_id:
                return reply

    def wait_until_running(self, msg_id, settle=1.0):
        """Returns once the kernel has published execute_input for msg_id (it then owns the cell's cancellation),
        plus `settle` seconds for the cell to enter its loop. A fixed sleep after execute() alone loses the race on
        a loaded machine: an interrupt that arrives before the kernel took the request has no cell to stop."""
        deadline = time.time() + TIMEOUT
        while time.time() < deadline:
            msg = self.kc.get_iopub_msg(timeout=max(0.1, deadline - time.time()))
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_input":
                time.sleep(settle)
                return
        self.fail("no execute_input for the cell within %d s" % TIMEOUT)

    def drain_iopub(self):
        while True:
            try:
                self.kc.get_iopub_msg(timeout=0.3)
            except Exception:
                return

    def test_interrupt_while_true_then_run_another_cell(self):
        self.run_cell("var before = 41;")
        msg_id = self.kc.execute("while (true) { }")
        self.wait_until_running(msg_id, settle=1.5)
        started = time.time()
        self.km.interrupt_kernel()
        reply = self.shell_reply(msg_id)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertLess(time.time() - started, 15, "the interrupt took too long")
        self.drain_iopub()

        reply, outputs = self.run_cell("before + 1")
        self.assertEqual(reply["content"]["status"], "ok")
        results = [m for m in outputs if m["msg_type"] == "execute_result"]
        self.assertEqual(len(results), 1)
        self.assertEqual(results[0]["content"]["data"]["text/plain"], "42")

    def test_interrupted_loop_really_stops(self):
        # The loop increments a counter; after the interrupt the counter must stop moving
        # (the abandoned cell is not left spinning on a thread).
        self.run_cell("long spins = 0;")
        msg_id = self.kc.execute("while (true) { spins++; }")
        self.wait_until_running(msg_id, settle=2.0)
        self.km.interrupt_kernel()
        reply = self.shell_reply(msg_id)
        self.assertEqual(reply["content"]["status"], "error")
        self.drain_iopub()
        reply, outputs = self.run_cell("var a = spins; System.Threading.Thread.Sleep(500); spins - a")
        self.assertEqual(reply["content"]["status"], "ok")
        value = [m for m in outputs if m["msg_type"] == "execute_result"][0]["content"]["data"]["text/plain"]
        self.assertEqual(value, "0")

    def test_sigint_interrupts_too(self):
        self.run_cell("var afterSignal = 7;")
        msg_id = self.kc.execute("while (true) { }")
        self.wait_until_running(msg_id, settle=2.0)
        os.kill(self.km.provisioner.process.pid, signal.SIGINT)
        reply = self.shell_reply(msg_id)
        self.assertEqual(reply["content"]["status"], "error")
        self.drain_iopub()
        reply, outputs = self.run_cell("afterSignal * 6")
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual([m for m in outputs if m["msg_type"] == "execute_result"][0]["content"]["data"]["text/plain"], "42")

    def test_console_readline_asks_the_frontend(self):
        msg_id = self.kc.execute('var line = Console.ReadLine(); line.Length', allow_stdin=True)
        request = self.kc.get_stdin_msg(timeout=TIMEOUT)
        self.assertEqual(request["msg_type"], "input_request")
        self.assertEqual(request["parent_header"]["msg_id"], msg_id)
        self.kc.input("hello")
        reply = self.shell_reply(msg_id)
        self.assertEqual(reply["content"]["status"], "ok")
        # Without allow_stdin (as nbconvert runs) reading fails fast instead of hanging.
        msg_id = self.kc.execute("Console.ReadLine()", allow_stdin=False)
        reply = self.shell_reply(msg_id)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertIn("allow_stdin", reply["content"]["evalue"])

    def test_heartbeat_echoes_even_while_a_cell_runs(self):
        msg_id = self.kc.execute("System.Threading.Thread.Sleep(3000);")
        time.sleep(0.5)
        ctx = zmq.Context.instance()
        sock = ctx.socket(zmq.REQ)
        sock.setsockopt(zmq.LINGER, 0)
        sock.connect("%s://%s:%d" % (self.km.transport, self.km.ip, self.km.hb_port))
        try:
            sock.send(b"ping")
            self.assertEqual(sock.poll(2000), zmq.POLLIN, "no heartbeat echo within 2 s")
            self.assertEqual(sock.recv(), b"ping")
        finally:
            sock.close()
        self.assertEqual(self.shell_reply(msg_id)["content"]["status"], "ok")
        self.drain_iopub()

    def test_stop_on_error_aborts_requests_queued_behind_the_failure(self):
        failing = self.kc.execute('System.Threading.Thread.Sleep(500); throw new Exception("first fails");')
        queued = self.kc.execute("1 + 1")
        self.assertEqual(self.shell_reply(failing)["content"]["status"], "error")
        self.assertEqual(self.shell_reply(queued)["content"]["status"], "aborted")
        self.drain_iopub()
        reply, _ = self.run_cell("2 + 2")
        self.assertEqual(reply["content"]["status"], "ok")

    def send_raw(self, frames):
        """Sends raw frames on a fresh DEALER socket connected to the kernel's shell port."""
        ctx = zmq.Context.instance()
        sock = ctx.socket(zmq.DEALER)
        sock.setsockopt(zmq.LINGER, 1000)
        sock.connect("%s://%s:%d" % (self.km.transport, self.km.ip, self.km.shell_port))
        return sock, frames

    def test_wrongly_signed_message_is_ignored(self):
        self.run_cell("var marker = 1;")
        # A correctly formed execute_request signed with the wrong key: must be dropped, never executed.
        bad = Session(key=b"not-the-kernel-key", signature_scheme="hmac-sha256", username="attacker")
        sock, _ = self.send_raw(None)
        try:
            msg = bad.msg("execute_request", content={"code": "marker = 99;", "silent": False, "store_history": True,
                                                     "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
            bad.send(sock, msg)
            unsigned = Session(key=b"", username="attacker")
            msg2 = unsigned.msg("execute_request", content={"code": "marker = 98;", "silent": False, "store_history": True,
                                                          "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
            unsigned.send(sock, msg2)
            # Malformed frames: no delimiter, then a delimiter with garbage JSON but a valid signature.
            sock.send_multipart([b"garbage", b"more garbage"])
            session = self.kc.session
            parts = [b"{not json", b"{}", b"{}", b"{}"]
            sock.send_multipart([b"<IDS|MSG>", session.sign(parts)] + parts)
            poller = zmq.Poller()
            poller.register(sock, zmq.POLLIN)
            self.assertEqual(dict(poller.poll(2000)), {}, "the kernel answered a message it should have dropped")
        finally:
            sock.close()
        reply, outputs = self.run_cell("marker")
        self.assertEqual(reply["content"]["status"], "ok")
        value = [m for m in outputs if m["msg_type"] == "execute_result"][0]["content"]["data"]["text/plain"]
        self.assertEqual(value, "1")

    def test_unknown_message_type_and_huge_message(self):
        session = self.kc.session
        msg = session.msg("frobnicate_request", content={})
        self.kc.shell_channel.send(msg)
        reply = self.shell_reply(msg["header"]["msg_id"])
        self.assertEqual(reply["header"]["msg_type"], "frobnicate_reply")
        self.assertEqual(reply["content"]["status"], "error")
        # A 20 MB cell (a long comment) still runs.
        reply, outputs = self.run_cell("// " + "x" * (20 * 1024 * 1024) + "\n1 + 1", timeout=120)
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual([m for m in outputs if m["msg_type"] == "execute_result"][0]["content"]["data"]["text/plain"], "2")

    def test_comm_info_and_update_display(self):
        msg = self.kc.session.msg("comm_info_request", content={})
        self.kc.shell_channel.send(msg)
        reply = self.shell_reply(msg["header"]["msg_id"])
        self.assertEqual(reply["content"], {"status": "ok", "comms": {}})
        reply, outputs = self.run_cell('var shown = display("first"); shown.Update("second");')
        self.assertEqual(reply["content"]["status"], "ok")
        kinds = [m["msg_type"] for m in outputs if m["msg_type"] in ("display_data", "update_display_data")]
        self.assertEqual(kinds, ["display_data", "update_display_data"])
        first, update = [m for m in outputs if m["msg_type"] in ("display_data", "update_display_data")]
        self.assertEqual(first["content"]["transient"]["display_id"], update["content"]["transient"]["display_id"])
        self.assertEqual(update["content"]["data"]["text/plain"], "second")

    def test_error_is_published_exactly_once(self):
        for code in ['throw new Exception("boom");', "int x = ;", "undefinedName"]:
            reply, outputs = self.run_cell(code)
            self.assertEqual(reply["content"]["status"], "error")
            self.assertEqual(len([m for m in outputs if m["msg_type"] == "error"]), 1, code)


class DisconnectTests(unittest.TestCase):
    def test_client_disconnecting_mid_execution(self):
        km, kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=120)
        try:
            kc.execute_interactive("var kept = 5;", timeout=TIMEOUT)
            # Start a slow cell, then drop the client before it finishes.
            kc.execute('System.Threading.Thread.Sleep(2000); Console.WriteLine("done"); kept + 1')
            time.sleep(0.5)
            kc.stop_channels()
            time.sleep(3)
            # A new client gets a working kernel with the state intact.
            kc2 = km.client()
            kc2.start_channels()
            kc2.wait_for_ready(timeout=120)
            outputs = []
            reply = kc2.execute_interactive("kept * 2", timeout=TIMEOUT, output_hook=outputs.append)
            self.assertEqual(reply["content"]["status"], "ok")
            self.assertEqual([m for m in outputs if m["msg_type"] == "execute_result"][0]["content"]["data"]["text/plain"], "10")
            kc2.stop_channels()
        finally:
            km.shutdown_kernel(now=False)

    def test_shutdown_reply_then_idle_then_exit(self):
        km, kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=120)
        try:
            msg = kc.session.msg("shutdown_request", content={"restart": False})
            kc.control_channel.send(msg)
            reply = kc.get_control_msg(timeout=TIMEOUT)
            self.assertEqual(reply["msg_type"], "shutdown_reply")
            states = []
            deadline = time.time() + 10
            while time.time() < deadline and "idle" not in states:
                m = kc.get_iopub_msg(timeout=10)
                if m["parent_header"].get("msg_id") == msg["header"]["msg_id"] and m["msg_type"] == "status":
                    states.append(m["content"]["execution_state"])
            self.assertEqual(states, ["busy", "idle"])
            deadline = time.time() + 20
            while km.is_alive() and time.time() < deadline:
                time.sleep(0.2)
            self.assertFalse(km.is_alive(), "the kernel process did not exit after shutdown_reply")
        finally:
            kc.stop_channels()
            if km.is_alive():
                km.shutdown_kernel(now=True)


class RestartTests(unittest.TestCase):
    def test_restart_keeps_serving(self):
        km, kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=120)
        try:
            kc.execute_interactive("var survivor = 1;", timeout=TIMEOUT)
            km.restart_kernel(now=False)
            kc.wait_for_ready(timeout=120)
            reply = kc.execute_interactive("survivor", timeout=TIMEOUT)
            self.assertEqual(reply["content"]["status"], "error")  # fresh session: the variable is gone
            reply = kc.execute_interactive("1 + 1", timeout=TIMEOUT)
            self.assertEqual(reply["content"]["status"], "ok")
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=False)


if __name__ == "__main__":
    unittest.main()
