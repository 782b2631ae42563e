"""Protocol details of the SmartPulse C# kernel beyond jupyter_kernel_test, driven with jupyter_client:
replayed messages are rejected, output written by a task after its cell finished is still published,
interrupting code outside a loop says plainly that it goes on in the background, the kernel logs nothing
unless asked, and it exits when the process that launched it dies.
Run from KernelPythonTests.cs (JUPYTER_PATH, SMARTPULSE_KERNEL_NAME)."""
import os
import subprocess
import sys
import time
import unittest

import zmq
from jupyter_client.manager import KernelManager, start_new_kernel

KERNEL = os.environ.get("SMARTPULSE_KERNEL_NAME", ".net-csharp")
TIMEOUT = 60


def alive(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            stat = f.read()
        return stat[stat.rindex(")") + 2] != "Z"
    except (FileNotFoundError, ProcessLookupError):
        return False


class ProtocolExtrasTests(unittest.TestCase):
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

    def test_replayed_message_is_rejected(self):
        self.run_cell("var counter = 0;")
        session = self.kc.session
        msg = session.msg("execute_request", content={"code": "counter++;", "silent": False, "store_history": True,
                                                      "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
        frames = session.serialize(msg)
        sock = zmq.Context.instance().socket(zmq.DEALER)
        sock.setsockopt(zmq.LINGER, 1000)
        sock.connect("%s://%s:%d" % (self.km.transport, self.km.ip, self.km.shell_port))
        try:
            sock.send_multipart(frames)
            poller = zmq.Poller()
            poller.register(sock, zmq.POLLIN)
            self.assertTrue(dict(poller.poll(TIMEOUT * 1000)), "no reply to the original message")
            sock.recv_multipart()
            sock.send_multipart(frames)  # the same bytes again: a replay
            self.assertEqual(dict(poller.poll(2000)), {}, "the kernel answered a replayed message")
        finally:
            sock.close()
        reply, outputs = self.run_cell("counter")
        value = [m for m in outputs if m["msg_type"] == "execute_result"][0]["content"]["data"]["text/plain"]
        self.assertEqual(value, "1")

    def test_output_of_a_task_that_outlives_its_cell_is_published(self):
        msg_id = self.kc.execute('_ = Task.Run(async () => { await Task.Delay(800); Console.WriteLine("late line"); });')
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        self.assertEqual(reply["content"]["status"], "ok")
        deadline = time.time() + 10
        seen = ""
        while time.time() < deadline and "late line" not in seen:
            try:
                msg = self.kc.get_iopub_msg(timeout=1)
            except Exception:
                continue
            if msg["msg_type"] == "stream" and msg["parent_header"].get("msg_id") == msg_id:
                seen += msg["content"]["text"]
        self.assertIn("late line", seen)

    def test_interrupting_code_outside_a_loop_says_it_goes_on(self):
        self.run_cell("1")  # the session is warm: the interrupt hits the sleep, not the start-up
        msg_id = self.kc.execute("System.Threading.Thread.Sleep(4000);")
        deadline = time.time() + TIMEOUT
        while time.time() < deadline:
            msg = self.kc.get_iopub_msg(timeout=TIMEOUT)
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_input":
                break
        time.sleep(0.5)
        self.km.interrupt_kernel()
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertIn("goes on in the background", reply["content"]["evalue"])
        time.sleep(4)
        reply, _ = self.run_cell("1 + 1")
        self.assertEqual(reply["content"]["status"], "ok")


class QuietAndParentTests(unittest.TestCase):
    def test_kernel_logs_nothing_unless_asked(self):
        env = dict(os.environ)
        env.pop("SMARTPULSE_KERNEL_LOG", None)
        km = KernelManager(kernel_name=KERNEL)
        km.start_kernel(env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        kc = km.client()
        kc.start_channels()
        try:
            kc.wait_for_ready(timeout=120)
            reply = kc.execute_interactive('Console.WriteLine("x");', timeout=TIMEOUT, output_hook=lambda m: None)
            self.assertEqual(reply["content"]["status"], "ok")
            km.interrupt_kernel()  # would log "interrupt: no cell is running"
            time.sleep(0.5)
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=False)
        process = km.provisioner.process
        stderr = process.stderr.read().decode("utf-8", "replace") if process and process.stderr else ""
        self.assertEqual(stderr, "", "the kernel wrote to stderr without --verbose: " + stderr)

    def test_kernel_exits_when_its_launcher_dies(self):
        # A launcher that starts the kernel and then dies without shutting it down (a crashed front end).
        script = (
            "import os, sys\n"
            "from jupyter_client.manager import start_new_kernel\n"
            "km, kc = start_new_kernel(kernel_name=%r, startup_timeout=120)\n"
            "print(km.provisioner.process.pid, flush=True)\n"
            "os._exit(0)\n" % KERNEL
        )
        out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=180)
        self.assertEqual(out.returncode, 0, out.stderr)
        pid = int(out.stdout.strip().splitlines()[-1])
        deadline = time.time() + 15
        while time.time() < deadline and alive(pid):
            time.sleep(0.25)
        still = alive(pid)
        if still:
            os.kill(pid, 9)
        self.assertFalse(still, "the kernel kept running after its launcher died")


if __name__ == "__main__":
    unittest.main()
