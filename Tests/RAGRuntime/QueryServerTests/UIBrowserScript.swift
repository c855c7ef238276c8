/// The Selenium script `UIBrowserTests` runs: loads the page, asks a question with the keyboard,
/// waits for the answer and the sources table, and saves a screenshot.
///
/// Arguments: `<url> <screenshot path> <question>`. Prints one JSON line with what it saw (the
/// page's text, the browser console's errors, such as Content-Security-Policy violations, and
/// whether `window.__xss` was set by injected script); exits non-zero with the reason on stderr
/// when something does not appear within 30 seconds.
enum UIBrowserScript {
    static let source = #"""
    import json, sys
    from selenium import webdriver
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support.ui import WebDriverWait

    url, screenshot, question = sys.argv[1], sys.argv[2], sys.argv[3]
    options = Options()
    for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1366,900"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=sys.argv[4]) if len(sys.argv) > 4 else Service())
    try:
        driver.get(url)
        box = driver.find_element(By.ID, "question")
        box.send_keys(question)
        box.send_keys(Keys.ENTER)
        wait = WebDriverWait(driver, 30)
        wait.until(lambda d: d.find_element(By.ID, "answer-source").text.strip() != "")
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#sources tbody tr")) > 0)
        wait.until(lambda d: "records indexed" in d.find_element(By.ID, "corpus").text)
        rows = [[cell.text for cell in row.find_elements(By.TAG_NAME, "td")]
                for row in driver.find_elements(By.CSS_SELECTOR, "#sources tbody tr")]
        result = {
            "answer": driver.find_element(By.ID, "answer").text,
            "answerSource": driver.find_element(By.ID, "answer-source").text,
            "chips": [chip.text for chip in driver.find_elements(By.CSS_SELECTOR, "#chips li")],
            "rows": rows,
            "status": driver.find_element(By.ID, "status").text,
            "corpus": driver.find_element(By.ID, "corpus").text,
            "consoleErrors": [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"],
            "xss": driver.execute_script("return window.__xss === true"),
        }
        driver.save_screenshot(screenshot)
        print(json.dumps(result))
    except Exception as error:
        driver.save_screenshot(screenshot)
        print(f"browser check failed: {error!r}", file=sys.stderr)
        sys.exit(1)
    finally:
        driver.quit()
    """#
}
